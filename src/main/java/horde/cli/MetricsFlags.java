package horde.cli;

import horde.prometheus.LiveMetrics;
import horde.prometheus.MetricsServer;
import horde.run.TestRun;
import horde.scenario.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --metrics-port}: the live test's figures for Prometheus while it runs. */
final class MetricsFlags {
  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "Serve the live test's metrics for Prometheus at /metrics on this port while it runs"
          + " (0: a free port; the URL is printed).")
  Integer port;

  @Option(names = "--metrics-bind", paramLabel = "ADDRESS",
      description = "Address the metrics port listens on (default 127.0.0.1; 0.0.0.0 for every interface).")
  String bind = "127.0.0.1";

  @Option(names = "--metrics-linger", paramLabel = "DURATION",
      description = "Keep serving the final figures this long after the run (give your scrape interval; default 0s).")
  String linger = "0s";

  /** The served metrics of a run, or null without {@code --metrics-port}. */
  Served serve(TestRun run, String scenario, PrintWriter out) throws IOException {
    if (port == null) return null;
    if (port < 0 || port > 65535) throw new IllegalArgumentException("--metrics-port must be 0 to 65535, not " + port);
    Duration wait = Durations.parseSecondsDefault(linger);
    LiveMetrics live = new LiveMetrics(scenario);
    run.listen(live);
    MetricsServer server = MetricsServer.start(InetAddress.getByName(bind), port, live);
    out.println("Metrics for Prometheus: " + server.url());
    out.flush();
    return new Served(live, server, wait);
  }

  /** A running metrics endpoint: it lingers after the run, then stops. */
  record Served(LiveMetrics live, MetricsServer server, Duration linger) implements AutoCloseable {
    @Override
    public void close() {
      live.ended();
      try {
        if (!linger.isZero()) Thread.sleep(linger.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        server.close();
      }
    }
  }
}
