package horde.server;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Eventually;
import horde.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Locust's web UI endpoints on {@code horde ui}, as a script written for Locust calls them: {@code
 * POST /swarm} starts the test (and, while it runs, moves its users), {@code GET /stats/requests}
 * answers with Locust's field names and the figures the target's own count agrees with, {@code
 * GET /stats/reset}, the CSV, {@code GET /exceptions}, and {@code GET /stop} stops it.
 */
class LocustEndpointsTest {
  /** locust/stats.py StatsEntry.to_dict with PERCENTILES_TO_STATISTICS = [0.95, 0.99]. */
  static final Set<String> ENTRY = Set.of("method", "name", "num_requests", "num_failures", "min_response_time",
      "max_response_time", "current_rps", "current_fail_per_sec", "avg_response_time", "median_response_time", "total_rps",
      "total_fail_per_sec", "response_time_percentile_0.95", "response_time_percentile_0.99", "avg_content_length");
  /** locust/web.py request_stats, for a runner that is not a master. */
  static final Set<String> REPORT = Set.of("stats", "errors", "current_rps", "current_fail_per_sec", "total_rps",
      "total_fail_per_sec", "fail_ratio", "current_response_time_percentiles", "state", "user_count");
  static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aLocustScriptStartsReadsResetsAndStopsATest() throws Exception {
    try (TestServer target = new TestServer().route("/answer", ex -> {
      Thread.sleep(20);
      TestServer.reply(ex, 200, "{\"ok\": true}");
    }).route("/missing", ex -> TestServer.reply(ex, 404, "{}"))) {
      Path scenario = dir.resolve("locust.yaml");
      Files.writeString(scenario, """
          name: locust-compat
          target: %s
          users:
            - name: reader
              wait: constant 50ms
              tasks:
                - {name: answer, weight: 4, steps: [{get: /answer}]}
                - {name: missing, weight: 1, steps: [{get: /missing}]}
          load: {users: 1, spawn_rate: 1, run_time: 5m}
          """.formatted(target.url()));
      try (LiveUi ui = LiveUi.start(dir, scenario.toString())) {
        JsonNode idle = json(get(ui, "/stats/requests"));
        assertThat(idle.path("state").asString()).isEqualTo("ready");

        JsonNode swarm = json(post(ui, "/swarm", "user_count=3&spawn_rate=10&host=" + target.url()));
        assertThat(swarm.path("success").asBoolean()).as(swarm.toString()).isTrue();
        assertThat(swarm.path("message").asString()).isEqualTo("Swarming started");
        Eventually.until(Duration.ofSeconds(20), "3 users", () -> stats(ui).path("user_count").asInt() == 3);
        Eventually.until(Duration.ofSeconds(20), "answers counted", () -> aggregated(stats(ui)).path("num_requests").asLong() > 20);

        JsonNode report = stats(ui);
        assertThat(names(report)).containsAll(REPORT);
        assertThat(report.path("state").asString()).isIn("running", "spawning");
        assertThat(names(report.path("current_response_time_percentiles")))
            .containsExactlyInAnyOrder("response_time_percentile_0.5", "response_time_percentile_0.95");
        for (JsonNode entry : report.path("stats")) assertThat(names(entry)).containsExactlyInAnyOrderElementsOf(ENTRY);
        JsonNode answer = entry(report, "/answer");
        assertThat(answer.path("method").asString()).isEqualTo("GET");
        assertThat(answer.path("median_response_time").asLong()).as("a 20 ms answer").isBetween(20L, 200L);
        assertThat(answer.path("num_failures").asLong()).isZero();
        assertThat(entry(report, "/missing").path("num_failures").asLong()).isEqualTo(entry(report, "/missing").path("num_requests").asLong());
        assertThat(aggregated(report).path("method").asString()).isEmpty();
        assertThat(report.path("errors").get(0).path("error").asString()).startsWith("HTTPError('404 Client Error: Not Found");
        assertThat(names(report.path("errors").get(0))).containsExactlyInAnyOrder("method", "name", "error", "occurrences",
            "first_seen", "last_seen");

        // While it runs, swarm moves the users, as in Locust's UI.
        assertThat(json(post(ui, "/swarm", "user_count=5&spawn_rate=100")).path("success").asBoolean()).isTrue();
        Eventually.until(Duration.ofSeconds(20), "5 users", () -> stats(ui).path("user_count").asInt() == 5);

        // Reset: the totals start again from the next second. Reset only once they hold several
        // seconds of answers, or the first second after the reset could count as many as before.
        Eventually.until(Duration.ofSeconds(20), "five seconds counted", () -> {
          JsonNode all = aggregated(stats(ui));
          return all.path("num_requests").asLong() > 5 * Math.max(1, all.path("current_rps").asDouble());
        });
        long before = aggregated(stats(ui)).path("num_requests").asLong();
        HttpResponse<String> reset = get(ui, "/stats/reset");
        assertThat(reset.body()).isEqualTo("ok");
        Eventually.until(Duration.ofSeconds(10), "the totals start over",
            () -> aggregated(stats(ui)).path("num_requests").asLong() < before);

        HttpResponse<String> csv = get(ui, "/stats/requests/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElse("")).startsWith("Type,Name,Request Count,Failure Count");
        assertThat(csv.body()).contains("/answer").contains("Aggregated");
        assertThat(json(get(ui, "/exceptions")).path("exceptions").isArray()).isTrue();

        JsonNode stop = json(get(ui, "/stop"));
        assertThat(stop.path("success").asBoolean()).isTrue();
        Eventually.until(Duration.ofSeconds(30), "stopped", () -> stats(ui).path("state").asString().equals("stopped"));
        JsonNode last = stats(ui);
        assertThat(last.path("user_count").asInt()).isZero();
        // What the target served since the reset's second is not known to it; all it served is in the history's run.
        JsonNode runs = json(get(ui, "/api/runs"));
        long id = runs.path("runs").get(0).path("id").asLong();
        JsonNode result = json(get(ui, "/api/runs/" + id)).path("result");
        long all = 0;
        for (JsonNode second : result.path("intervals").path("seconds")) for (JsonNode e : second.path("e")) all += e.path("c").path(0).asLong();
        assertThat(all).as("every request the target served, second by second").isEqualTo(target.served("/answer") + target.served("/missing"));
        assertThat(aggregated(last).path("num_requests").asLong()).as("the measured window's, as the result says")
            .isEqualTo(result.path("summary").path("requests").asLong());
      }
    }
  }

  JsonNode stats(LiveUi ui) {
    try {
      return json(get(ui, "/stats/requests"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode aggregated(JsonNode report) {
    JsonNode stats = report.path("stats");
    JsonNode last = stats.get(stats.size() - 1);
    assertThat(last.path("name").asString()).isEqualTo("Aggregated");
    return last;
  }

  static JsonNode entry(JsonNode report, String name) {
    for (JsonNode e : report.path("stats")) if (e.path("name").asString().equals(name)) return e;
    throw new AssertionError("no entry " + name + " in " + report);
  }

  static List<String> names(JsonNode o) {
    List<String> out = new ArrayList<>();
    o.propertyNames().forEach(out::add);
    return out;
  }

  HttpResponse<String> get(LiveUi ui, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(ui.base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(LiveUi ui, String path, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(ui.base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
