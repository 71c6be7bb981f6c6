package horde.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import horde.history.HistoryException;
import horde.history.RunHistory;
import horde.live.ControlRoom;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The REST API over the run history, on the JDK's HTTP server with a virtual thread per request,
 * and with a {@link ControlRoom} the live web UI beside it (its page, {@code /api/live}, the event
 * stream, Locust's endpoints). Every answer is JSON unless a route serves a page or a report; every
 * error is {@code {"error": message}}. Who may call what: {@link Guard}.
 *
 * <pre>{@code
 * try (ApiServer api = ApiServer.start(new InetSocketAddress("127.0.0.1", 0), history, null)) {
 *   URI base = api.uri();
 * }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {
  /** The largest request body accepted: an uploaded result file of a long run with many endpoints. */
  static final int MAX_BODY = 64 << 20;
  private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

  private final HttpServer server;
  private final ExecutorService executor;
  private final Router router;
  private final Guard guard;
  private final EventStream events;

  private ApiServer(HttpServer server, ExecutorService executor, Router router, Guard guard, EventStream events) {
    this.server = server;
    this.executor = executor;
    this.router = router;
    this.guard = guard;
    this.events = events;
  }

  /**
   * Starts serving; throws {@link IOException} when the address cannot be bound.
   *
   * @param token required on every call when not null (see {@link Guard})
   */
  public static ApiServer start(InetSocketAddress address, RunHistory history, String token) throws IOException {
    return start(address, history, token, null);
  }

  /**
   * The same, with the live web UI of {@code room} beside the API (when not null): its pages, its
   * live routes, its event stream and Locust's endpoints.
   */
  public static ApiServer start(InetSocketAddress address, RunHistory history, String token, ControlRoom room)
      throws IOException {
    Router router = routes(history);
    if (room != null) {
      new UiRoutes().addTo(router);
      new LiveRoutes(room).addTo(router);
      new LocustRoutes(room).addTo(router);
    }
    HttpServer server = HttpServer.create(address, 64);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    Guard guard = new Guard(token, server.getAddress().getAddress(), server.getAddress().getPort());
    EventStream events = room == null ? null : new EventStream(room);
    ApiServer api = new ApiServer(server, executor, router, guard, events);
    server.createContext("/", api::exchange);
    if (events != null) server.createContext(EventStream.PATH, api::stream);
    server.start();
    return api;
  }

  static Router routes(RunHistory history) {
    Router router = new Router();
    router.add("GET", "/api/openapi.json", r -> OpenApi.document());
    new RunRoutes(history).addTo(router);
    new BaselineRoutes(history).addTo(router);
    new CompareRoute(history).addTo(router);
    return router;
  }

  /** The event stream: checked as any reading call, then held open. */
  private void stream(HttpExchange x) {
    try (x) {
      Response refusal = guard.check(x);
      if (refusal != null) send(x, refusal);
      else events.serve(x);
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI uri() {
    String host = server.getAddress().getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  private void exchange(HttpExchange x) {
    try (x) {
      Response response = answer(x);
      send(x, response);
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away", e);
    }
  }

  private Response answer(HttpExchange x) {
    try {
      Response refusal = guard.check(x);
      if (refusal != null) return refusal;
      Response login = guard.login(x);
      if (login != null) return login;
      Router.Match m = router.match(x.getRequestMethod(), x.getRequestURI().getRawPath());
      Request request = new Request(x.getRequestMethod(), m.params(), query(x.getRequestURI().getRawQuery()), body(x));
      return m.handler().handle(request);
    } catch (ApiError e) {
      if (e.status == 405) x.getResponseHeaders().set("Allow", e.getMessage().replaceAll(".*use ", ""));
      return Response.error(e.status, e.getMessage());
    } catch (HistoryException e) {
      return Response.error(503, e.getMessage());
    } catch (IllegalArgumentException e) {
      return Response.error(400, e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "request failed: " + x.getRequestMethod() + " " + x.getRequestURI().getRawPath(), e);
      return Response.error(500, "internal error: " + e.getClass().getSimpleName());
    }
  }

  private static byte[] body(HttpExchange x) throws IOException, ApiError {
    try (InputStream in = x.getRequestBody()) {
      byte[] b = in.readNBytes(MAX_BODY + 1);
      if (b.length > MAX_BODY) throw new ApiError(413, "the body is larger than " + (MAX_BODY >> 20) + " MiB");
      return b;
    }
  }

  static Map<String, List<String>> query(String raw) throws ApiError {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) return out;
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.computeIfAbsent(k, n -> new ArrayList<>()).add(v);
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("bad escape in the query");
      }
    }
    return out;
  }

  private static void send(HttpExchange x, Response r) throws IOException {
    if (r.type() != null) x.getResponseHeaders().set("Content-Type", r.type());
    x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    x.getResponseHeaders().set("Cache-Control", "no-store");
    r.headers().forEach(x.getResponseHeaders()::set);
    if (r.status() == 204 || r.body().length == 0) {
      x.sendResponseHeaders(r.status(), -1);
      return;
    }
    x.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(r.body());
    }
  }

  /** Stops accepting, lets requests in progress finish for up to a second. */
  @Override
  public void close() {
    if (events != null) events.close();
    server.stop(1);
    executor.shutdown();
  }
}
