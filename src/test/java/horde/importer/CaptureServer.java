package horde.importer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A server on 127.0.0.1 that keeps every request as it arrived — method, path and query as sent,
 * headers, body bytes — and answers {@code 200 {}}: the witness that two clients sent the same.
 */
final class CaptureServer implements AutoCloseable {
  /** A request as it arrived; header names in lower case. */
  record Arrived(String method, String target, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null ? null : String.join(", ", v);
    }
  }

  private final HttpServer server;
  final List<Arrived> requests = new CopyOnWriteArrayList<>();

  CaptureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", ex -> {
      try (ex) {
        Map<String, List<String>> headers = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        requests.add(new Arrived(ex.getRequestMethod(), ex.getRequestURI().getRawPath()
            + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()), headers,
            ex.getRequestBody().readAllBytes()));
        byte[] ok = "{}".getBytes();
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, ex.getRequestMethod().equals("HEAD") ? -1 : ok.length);
        if (!ex.getRequestMethod().equals("HEAD")) ex.getResponseBody().write(ok);
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
