package horde.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal client of the Chrome DevTools Protocol for one tab, over the JDK's WebSocket: commands
 * with their replies, and every event kept in order. The same protocol Playwright and Puppeteer
 * use, without their 200 MB of driver.
 */
public final class DevTools implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final WebSocket socket;
  private final int port;
  private final String targetId;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  /** Every event received, in order: {@code method} and {@code params}. */
  public final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private DevTools(HttpClient http, WebSocket.Builder builder, URI uri, int port, String targetId) {
    this.http = http;
    this.port = port;
    this.targetId = targetId;
    this.socket = builder.buildAsync(uri, new Listener()).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
  }

  static DevTools newPage(int port) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
        .PUT(HttpRequest.BodyPublishers.noBody()).timeout(TIMEOUT).build();
    JsonNode target = JSON.readTree(http.send(create, HttpResponse.BodyHandlers.ofString()).body());
    return new DevTools(http, http.newWebSocketBuilder(), URI.create(target.path("webSocketDebuggerUrl").asString()), port,
        target.path("id").asString());
  }

  /** Sends a command and waits for its result; a protocol error becomes an exception. */
  public JsonNode call(String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(JSON.writeValueAsString(message), true).join();
    JsonNode r = reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    if (r.has("error")) throw new IllegalStateException(method + ": " + r.path("error"));
    return r.path("result");
  }

  /** Evaluates an expression in the page (awaiting a promise) and returns its value as JSON. */
  public JsonNode eval(String expression) {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) throw new IllegalStateException(expression + ": " + r.path("exceptionDetails"));
    return r.path("result").path("value");
  }

  /** Waits until an event of this method has arrived (counting those already received). */
  public JsonNode await(String method, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode e : events) if (e.path("method").asString().equals(method)) return e.path("params");
      Thread.sleep(10);
    }
    throw new IllegalStateException("no " + method + " within " + timeout);
  }

  public List<JsonNode> events(String method) {
    return events.stream().filter(e -> e.path("method").asString().equals(method)).map(e -> e.path("params")).toList();
  }

  @Override
  public void close() {
    socket.abort();
    try {
      http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/close/" + targetId)).timeout(TIMEOUT)
          .build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      // the browser is being closed anyway
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonNode message = JSON.readTree(partial.toString());
        partial.setLength(0);
        if (message.has("id")) {
          CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asInt());
          if (reply != null) reply.complete(message);
        } else {
          events.add(message);
        }
      }
      ws.request(1);
      return null;
    }
  }
}
