package horde.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@code /metrics} in the Prometheus text format while a run lasts, on its own small
 * thread pool (a scrape never touches the event loops). Bound to the address given: loopback
 * unless the user says otherwise.
 *
 * <pre>{@code
 * try (MetricsServer server = MetricsServer.start(InetAddress.getLoopbackAddress(), 0, live)) {
 *   System.out.println(server.url());
 * }
 * }</pre>
 */
public final class MetricsServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;

  private MetricsServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** @param port 0 picks a free one */
  public static MetricsServer start(InetAddress bind, int port, LiveMetrics live) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(live);
    PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 16);
    ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "horde-metrics");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/metrics", ex -> scrape(ex, registry, writer));
    server.createContext("/", ex -> reply(ex, 404, "text/plain; charset=utf-8", "Horde serves /metrics here\n".getBytes()));
    server.start();
    return new MetricsServer(server, threads);
  }

  private static void scrape(HttpExchange ex, PrometheusRegistry registry, PrometheusTextFormatWriter writer)
      throws IOException {
    if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
      reply(ex, 405, "text/plain; charset=utf-8", "GET /metrics\n".getBytes());
      return;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    writer.write(body, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    reply(ex, 200, writer.getContentType(), body.toByteArray());
  }

  private static void reply(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      if (!head) out.write(body);
    }
  }

  /** Where Prometheus can scrape it: {@code http://127.0.0.1:9464/metrics}. */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/metrics";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
