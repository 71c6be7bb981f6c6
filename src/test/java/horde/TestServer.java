package horde;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on 127.0.0.1 and a free port, for tests: the JDK's server on virtual threads,
 * with routes that answer after a known delay and a count of what it served per path.
 */
public final class TestServer implements AutoCloseable {
  /** Answers one exchange; may sleep to simulate latency (it runs on its own virtual thread). */
  public interface Route {
    void handle(HttpExchange ex) throws Exception;
  }

  /** The body of the request this thread answers (exchange attributes are shared per path). */
  private static final ThreadLocal<byte[]> BODY = new ThreadLocal<>();
  private final HttpServer server;
  private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();

  public TestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  public TestServer route(String path, Route route) {
    server.createContext(path, ex -> {
      try (ex) {
        BODY.set(readBody(ex.getRequestBody()));
        served.computeIfAbsent(ex.getRequestURI().getPath(), k -> new AtomicLong()).incrementAndGet();
        route.handle(ex);
      } catch (Exception e) {
        ex.sendResponseHeaders(599, -1);
      }
    });
    return this;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  /** The body of the request a route is answering, read before the route runs. */
  public static String body() {
    return new String(BODY.get(), StandardCharsets.UTF_8);
  }

  public static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) ex.getResponseBody().write(b);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public long served(String path) {
    AtomicLong n = served.get(path);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
