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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UI's own API as the page calls it, against a counting server: an uploaded scenario's problems
 * with file:line:column, user classes left out with a note, an open-model test started from the
 * form, its arrival rate steered and followed by the target, pause and resume, a second start
 * refused while one runs, stop, and the finished test's reports.
 */
class LiveApiTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void checkStartSteerPauseStopAndDownload() throws Exception {
    try (TestServer target = new TestServer().route("/a", ex -> TestServer.reply(ex, 200, "{}"))
        .route("/b", ex -> TestServer.reply(ex, 200, "{}"))) {
      Path scenario = Files.writeString(dir.resolve("open.yaml"), """
          name: live-api
          target: %s
          users:
            - name: reader
              tasks: [{get: /a}]
            - name: writer
              tasks: [{get: /b}]
          load: {arrival_rate: 10/s, run_time: 5m}
          thresholds:
            - {endpoint: GET /b, expr: p95 < 5s}
          """.formatted(target.url()));
      try (LiveUi ui = LiveUi.start(dir, scenario.toString())) {
        // An upload with a mistake: the loader's problem, where it is.
        JsonNode broken = json(200, send(ui, "/api/live/upload?name=broken.yaml",
            "name: b\ntarget: http://127.0.0.1:1\nusers:\n  - tasks: [{get: /}]\nload: {users: many}\n"));
        assertThat(broken.path("ok").asBoolean()).isFalse();
        JsonNode problem = broken.path("problems").get(0);
        assertThat(problem.path("file").asString()).isEqualTo("uploaded/broken.yaml");
        assertThat(problem.path("line").asInt()).isEqualTo(5);
        assertThat(problem.path("column").asInt()).isPositive();
        assertThat(problem.path("text").asString()).startsWith("uploaded/broken.yaml:5:");
        assertThat(json(400, send(ui, "/api/live/start", "{\"scenario\": \"uploaded/broken.yaml\", \"mode\": \"scenario\"}"))
            .path("problems").get(0).path("line").asInt()).isEqualTo(5);

        // Only the reader: the writer's threshold is dropped, with a note.
        String name = get(ui, "/api/live/scenarios").path("default").asString();
        String form = JSON.writeValueAsString(java.util.Map.of("scenario", name, "mode", "rate", "rate", 10, "run_time", "5m",
            "user_classes", java.util.List.of("reader")));
        JsonNode checked = json(200, send(ui, "/api/live/check", form));
        assertThat(checked.path("ok").asBoolean()).as(checked.toString()).isTrue();
        assertThat(checked.path("scenario").path("model").asString()).isEqualTo("rate");
        assertThat(checked.path("notes").toString()).contains("/b");

        JsonNode started = json(201, send(ui, "/api/live/start", form));
        assertThat(started.path("model").asString()).isEqualTo("rate");
        assertThat(send(ui, "/api/live/start", form).statusCode()).as("a second test while one runs").isEqualTo(409);
        Eventually.until(Duration.ofSeconds(20), "arrivals", () -> target.served("/a") > 20);
        double slow = rate(target, "/a");
        assertThat(slow).as("10 arrivals a second").isBetween(6.0, 14.0);

        // Steer the arrival rate: the target sees it.
        assertThat(send(ui, "/api/live/steer", "{\"users\": 5}").statusCode()).as("users, in the open model").isEqualTo(400);
        JsonNode steered = json(200, send(ui, "/api/live/steer", "{\"rate\": 40}"));
        assertThat(steered.path("control").path("target").asDouble()).isEqualTo(40.0);
        Thread.sleep(1000);
        assertThat(rate(target, "/a")).as("40 arrivals a second").isBetween(28.0, 52.0);
        assertThat(target.served("/b")).as("the writer was left out").isZero();

        // Pause holds the rate where it is; resume goes on.
        assertThat(json(200, send(ui, "/api/live/pause", "")).path("control").path("paused").asBoolean()).isTrue();
        assertThat(get(ui, "/api/live").path("control").path("paused").asBoolean()).isTrue();
        assertThat(json(200, send(ui, "/api/live/resume", "")).path("control").path("paused").asBoolean()).isFalse();

        json(200, send(ui, "/api/live/stop", ""));
        Eventually.until(Duration.ofSeconds(30), "the result", () -> get(ui, "/api/live").has("result"));
        JsonNode after = get(ui, "/api/live");
        assertThat(after.path("result").path("aborted").asBoolean()).isTrue();
        assertThat(after.path("result").path("history_id").asLong()).isPositive();
        assertThat(send(ui, "/api/live/stop", "").statusCode()).as("nothing left to stop").isEqualTo(409);
        HttpResponse<String> result = http.send(HttpRequest.newBuilder(URI.create(ui.base + "/api/live/result.json")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(result.headers().firstValue("Content-Disposition").orElse("")).contains("horde-open.json");
        JsonNode file = JSON.readTree(result.body());
        assertThat(file.path("summary").path("requests").asLong()).isPositive();
        for (String k : new String[] {"verdict", "criteria", "notes"}) // the frame words them as the file does
          assertThat(after.path("result").path(k)).as(k).isEqualTo(file.path(k));
        for (String report : new String[] {"/api/live/report.html", "/api/live/report.csv", "/api/live/report.junit.xml"})
          assertThat(http.send(HttpRequest.newBuilder(URI.create(ui.base + report)).build(), HttpResponse.BodyHandlers.ofString())
              .statusCode()).as(report).isEqualTo(200);
      }
    }
  }

  /** Requests a second {@code path} received over the next three seconds. */
  static double rate(TestServer target, String path) throws InterruptedException {
    long before = target.served(path);
    Thread.sleep(3000);
    return (target.served(path) - before) / 3.0;
  }

  JsonNode get(LiveUi ui, String path) {
    try {
      return json(200, http.send(HttpRequest.newBuilder(URI.create(ui.base + path)).build(), HttpResponse.BodyHandlers.ofString()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> send(LiveUi ui, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(ui.base + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(int status, HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }
}
