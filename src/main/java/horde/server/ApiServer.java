package horde.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import horde.history.HistoryException;
import horde.history.RunHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The REST API over the run history, on the JDK's HTTP server with a virtual thread per request.
 * Every answer is JSON unless a route serves a report; every error is {@code {"error": message}}.
 * With a token, every call must carry {@code Authorization: Bearer TOKEN}.
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
  private final byte[] token;

  private ApiServer(HttpServer server, ExecutorService executor, Router router, String token) {
    this.server = server;
    this.executor = executor;
    this.router = router;
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Starts serving; throws {@link IOException} when the address cannot be bound.
   *
   * @param token required on every call when not null
   */
  public static ApiServer start(InetSocketAddress address, RunHistory history, String token) throws IOException {
    Router router = routes(history);
    HttpServer server = HttpServer.create(address, 64);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    ApiServer api = new ApiServer(server, executor, router, token);
    server.createContext("/", api::exchange);
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

  public int port() {
    return server.getAddress().getPort();
  }

  public java.net.URI uri() {
    String host = server.getAddress().getAddress().getHostAddress();
    return java.net.URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
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
      if (token != null && !authorized(x.getRequestHeaders().getFirst("Authorization"))) {
        x.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        return Response.error(401, "this server needs a token: send Authorization: Bearer TOKEN");
      }
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

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Bearer ")) return false;
    return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
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
    if (r.status() == 204) {
      x.sendResponseHeaders(204, -1);
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
    server.stop(1);
    executor.shutdown();
  }
}
