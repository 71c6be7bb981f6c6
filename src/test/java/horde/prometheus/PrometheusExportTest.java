package horde.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.Cli;
import horde.Nginx;
import horde.Ports;
import horde.Prometheus;
import horde.cli.ExitCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus scrapes {@code horde run --metrics-port} during a run against nginx: the
 * counters it last scraped equal the result file's counts, status by status and reason by
 * reason, and nginx logged as many requests; {@code promtool} finds nothing wrong in a scrape.
 */
class PrometheusExportTest {
  @TempDir Path tmp;

  @Test
  void prometheusScrapesWhatTheResultFileCounts() throws Exception {
    assumeThat(Prometheus.installed() || System.getenv("CI") != null).as("prometheus is installed by ./run-tests").isTrue();
    try (Nginx nginx = new Nginx(tmp.resolve("nginx"))) {
      int port = Ports.free();
      Path scenario = tmp.resolve("mix.yaml");
      Files.writeString(scenario, """
          name: mix
          target: %s
          users:
            - name: u
              wait: constant 20ms
              tasks:
                - {name: fast, weight: 3, get: /fast}
                - {name: err, weight: 1, get: /err}
          load: { users: 4, run_time: 4s }
          thresholds: [error_rate < 40%%]
          """.formatted(nginx.url()));
      try (Prometheus prometheus = new Prometheus(tmp.resolve("prometheus"), List.of("127.0.0.1:" + port))) {
        AtomicReference<String> scrape = new AtomicReference<>();
        CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("run", scenario.toString(),
            "--metrics-port", String.valueOf(port), "--metrics-linger", "3s", "--out", tmp.resolve("r.json").toString(), "-q"));
        while (!run.isDone()) {
          String body = scrape(port);
          if (body != null && body.contains("horde_requests_total")) scrape.set(body);
          Thread.sleep(500);
        }
        Cli cli = run.get();
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.PASS);
        assertThat(cli.out()).contains("Metrics for Prometheus: http://127.0.0.1:" + port + "/metrics");

        JsonNode summary = JsonMapper.builder().build().readTree(tmp.resolve("r.json").toFile()).path("summary");
        long requests = summary.path("requests").asLong();
        assertThat(requests).isGreaterThan(50);
        assertThat(last(prometheus, "sum(last_over_time(horde_requests_total[5m]))")).isEqualTo(requests);
        assertThat(last(prometheus, "sum(last_over_time(horde_responses_total{status=\"503\"}[5m]))"))
            .isEqualTo(summary.path("statuses").path("503").asLong()).isPositive();
        assertThat(last(prometheus, "sum(last_over_time(horde_responses_total{status=\"200\"}[5m]))"))
            .isEqualTo(summary.path("statuses").path("200").asLong()).isPositive();
        assertThat(last(prometheus, "sum(last_over_time(horde_failures_by_reason_total{reason=\"HTTP 503\",kind=\"http\"}[5m]))"))
            .isEqualTo(summary.path("failures").asLong());
        // every request was answered, so every one is in the latency histograms
        assertThat(last(prometheus, "sum(last_over_time(horde_request_duration_seconds_count[5m]))")).isEqualTo(requests);
        assertThat(nginx.logged("/fast") + nginx.logged("/err")).isEqualTo(requests);

        dashboardQueriesRun(prometheus);

        assertThat(scrape.get()).as("a scrape during the run").isNotNull();
        Path file = tmp.resolve("scrape.txt");
        Files.writeString(file, scrape.get());
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
            .redirectErrorStream(true).start();
        String said = new String(promtool.getInputStream().readAllBytes());
        assertThat(promtool.waitFor()).as(said).isZero();
      }
    }
  }

  /**
   * Every query of the Grafana dashboard in deploy/grafana is valid PromQL on the metrics Horde
   * served; those about requests, statuses, failures, latency and the generator have data.
   */
  private static void dashboardQueriesRun(Prometheus prometheus) throws Exception {
    JsonNode dashboard = JsonMapper.builder().build().readTree(Path.of("deploy/grafana/horde.json").toFile());
    int queries = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asString().replace("$__rate_interval", "1m").replace("$endpoint", ".*");
        // the run is over: read its last minute as Grafana would have shown it
        JsonNode result = prometheus.query(expr.replace("horde_active_users", "last_over_time(horde_active_users[5m])")
            .replace("horde_generator_event_loop_lag_seconds", "last_over_time(horde_generator_event_loop_lag_seconds[5m])")
            .replace("horde_generator_cpu_ratio", "last_over_time(horde_generator_cpu_ratio[5m])"));
        queries++;
        String title = panel.path("title").asString();
        boolean expected = !(title.contains("token") || title.contains("Cost") || title.contains("Tokens"));
        if (expected) assertThat(result).as(title + ": " + expr).isNotEmpty();
      }
    }
    assertThat(queries).isGreaterThan(10);
  }

  private static long last(Prometheus p, String promql) throws Exception {
    double v = p.value(promql);
    assertThat(v).as(promql).isNotNaN();
    return Math.round(v);
  }

  private static String scrape(int port) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (Exception e) {
      return null;
    }
  }
}
