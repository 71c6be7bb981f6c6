package horde.server;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Eventually;
import horde.HordeProcess;
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

/** {@code horde run --ui}: the headless run is watched in the browser and stopped from it, with Ctrl-C's result. */
class RunWithUiTest {
  @TempDir Path dir;

  @Test
  void aHeadlessRunIsWatchedAndStoppedFromTheUi() throws Exception {
    try (TestServer target = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      Path scenario = dir.resolve("run.yaml");
      Files.writeString(scenario, """
          name: watched
          target: %s
          users:
            - name: u
              wait: constant 50ms
              tasks: [{get: /x}]
          load: {users: 2, spawn_rate: 10, run_time: 2m}
          """.formatted(target.url()));
      Path out = dir.resolve("result.json");
      try (HordeProcess run = new HordeProcess(dir, "run", scenario.toString(), "--ui", "--ui-port", "0", "--out", out.toString(),
          "--db", dir.resolve("history.db").toString())) {
        URI base = run.liveUi(60);
        assertThat(base).as("the URL is printed: %s", run.output()).isNotNull();
        HttpClient http = HttpClient.newHttpClient();
        Eventually.until(Duration.ofSeconds(20), "requests sent", () -> target.served("/x") > 5);
        String live = http.send(HttpRequest.newBuilder(base.resolve("/api/live")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(live).contains("\"state\" : \"running\"").contains("\"scenario\" : \"" + scenario + "\"");
        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(base.resolve("/api/live/stop"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
        assertThat(run.waitFor(60)).as("stopped early, as with Ctrl-C").isEqualTo(4);
        assertThat(Files.readString(out)).contains("\"aborted\" : true");
        assertThat(run.output()).contains("History: run ");
      }
    }
  }
}
