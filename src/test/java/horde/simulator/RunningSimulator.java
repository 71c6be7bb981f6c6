package horde.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A simulator on port 0 with a JDK {@link HttpClient} pointed at it, for one test:
 *
 * <pre>{@code
 * try (var sim = RunningSimulator.start(b -> b.capacity(2))) {
 *   assertThat(sim.get("/health").status()).isEqualTo(200);
 * }
 * }</pre>
 */
final class RunningSimulator implements AutoCloseable {
  final Simulator simulator;
  final HttpClient http;

  private RunningSimulator(Simulator simulator) {
    this.simulator = simulator;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /** Starts with fast defaults (short TTFT, quick tokens), changed by {@code options}. */
  static RunningSimulator start(UnaryOperator<SimulatorOptionsBuilder> options) {
    SimulatorOptionsBuilder b =
        SimulatorOptions.builder()
            .threads(2)
            .timeToFirstToken(Duration.ofMillis(20))
            .tokensPerSecond(500)
            .cacheHitRatio(0);
    return new RunningSimulator(Simulator.start(options.apply(b).build()));
  }

  /** A response with its body, parsed JSON (or null) and how long it took, milliseconds. */
  record Reply(int status, HttpResponse<String> raw, JsonNode json, long millis) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
        .timeout(Duration.ofSeconds(10));
  }

  Reply get(String path) {
    return send(request(path).GET().build());
  }

  Reply post(String path, String json) {
    return send(postRequest(path, json));
  }

  HttpRequest postRequest(String path, String json) {
    return request(path)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  CompletableFuture<Reply> postAsync(String path, String json) {
    long start = System.nanoTime();
    return http.sendAsync(postRequest(path, json), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> reply(r, start));
  }

  Reply send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      return reply(http.send(request, HttpResponse.BodyHandlers.ofString()), start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Reply reply(HttpResponse<String> r, long start) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    String type = r.headers().firstValue("content-type").orElse("");
    JsonNode json = type.startsWith("application/json") ? Json.parse(r.body().getBytes()) : null;
    return new Reply(r.statusCode(), r, json, millis);
  }

  /** One sample from {@code /metrics}; {@code selector} is the name and labels as written. */
  long metric(String selector) {
    String text = get("/metrics").raw().body();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(selector) + " (\\d+)$").matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** Waits up to two seconds for a metric to reach {@code value}; returns its last reading. */
  long awaitMetric(String selector, long value) throws InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    long v = metric(selector);
    while (v != value && System.nanoTime() < deadline) {
      Thread.sleep(10);
      v = metric(selector);
    }
    return v;
  }

  @Override
  public void close() {
    http.close();
    simulator.close();
  }
}
