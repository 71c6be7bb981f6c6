package horde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server (Debian's {@code prometheus}: {@code ./run-tests} installs it) on
 * 127.0.0.1 and a free port, in a temp folder of its own, scraping the given targets every second.
 */
public final class Prometheus implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Process process;
  private final Path dir;
  private final int port;

  public Prometheus(Path dir, List<String> targets) throws IOException, InterruptedException {
    this.dir = dir;
    this.port = Ports.free();
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("prometheus.yml"), """
        global: { scrape_interval: 1s, scrape_timeout: 900ms, evaluation_interval: 1s }
        scrape_configs:
          - job_name: horde
            static_configs: [ { targets: [%s] } ]
        """.formatted(String.join(", ", targets.stream().map(t -> "'" + t + "'").toList())));
    process = new ProcessBuilder("prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    awaitReady();
  }

  /** Whether Debian's prometheus (with promtool) is installed here. */
  public static boolean installed() {
    return List.of(System.getenv("PATH").split(":")).stream().anyMatch(p -> Files.isExecutable(Path.of(p, "prometheus")));
  }

  private void awaitReady() throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < end) {
      if (!process.isAlive()) throw new IOException("prometheus did not start: " + Files.readString(dir.resolve("prometheus.log")));
      try {
        if (get("/-/ready").statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IOException("prometheus is not ready on " + port);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An instant PromQL query's result vector ({@code data.result}). */
  public JsonNode query(String promql) throws IOException, InterruptedException {
    HttpResponse<String> r = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    JsonNode body = JsonMapper.builder().build().readTree(r.body());
    if (!body.path("status").asString().equals("success")) throw new IOException("query " + promql + ": " + r.body());
    return body.path("data").path("result");
  }

  /** The single value of a query that yields one sample, or NaN when it yields none. */
  public double value(String promql) throws IOException, InterruptedException {
    JsonNode result = query(promql);
    return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).path("value").get(1).asString());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
