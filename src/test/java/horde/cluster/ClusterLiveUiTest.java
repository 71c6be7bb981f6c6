package horde.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Eventually;
import horde.HordeProcess;
import horde.Ports;
import horde.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A run across a cluster watched in the live UI: the coordinator's merged seconds are its figures
 * (the coordinator sends nothing itself), steering is refused with the reason (the workers follow
 * the scenario), and the UI's stop ends every worker's load.
 */
class ClusterLiveUiTest {
  @TempDir Path tmp;

  @Test
  void theLiveViewShowsTheWorkersMergedFigures() throws Exception {
    List<String> members = Arrays.stream(Ports.distinct(2)).mapToObj(p -> "127.0.0.1:" + p).toList();
    try (TestServer target = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"));
        TestCluster cluster = new TestCluster(tmp, "live-" + ProcessHandle.current().pid(), members)) {
      cluster.worker("w1", members.get(1));
      Path scenario = Files.writeString(tmp.resolve("live.yaml"), """
          target: %s
          users:
            - name: u
              wait: constant 20ms
              tasks: [{get: /x}]
          load: {users: 2, spawn_rate: 10, run_time: 2m}
          """.formatted(target.url()));
      HordeProcess run = cluster.coordinator("c", members.get(0), List.of(), scenario.toString(), "--workers", "1",
          "--ui", "--ui-port", "0", "--out", tmp.resolve("r.json").toString());
      URI base = run.liveUi(60);
      assertThat(base).as("the URL is printed: %s", TestCluster.out(run)).isNotNull();
      HttpClient http = HttpClient.newHttpClient();
      AtomicReference<JsonNode> frame = new AtomicReference<>();
      Eventually.until(Duration.ofSeconds(60), "the merged figures in the live frame", () -> {
        frame.set(live(http, base));
        return frame.get().path("total").path("requests").asLong() > 20;
      });
      JsonNode f = frame.get();
      assertThat(f.path("total").path("requests").asLong()).as("only the worker sent them").isLessThanOrEqualTo(target.served("/x"));
      assertThat(f.path("endpoints").get(0).path("name").asString()).isEqualTo("/x");
      assertThat(f.path("control").path("steerable").asBoolean(true)).isFalse();
      HttpResponse<String> steer = http.send(HttpRequest.newBuilder(base.resolve("/api/live/steer"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"users\": 5}")).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(steer.statusCode()).isEqualTo(409);
      assertThat(steer.body()).contains("a run across a cluster is not steered");
      HttpResponse<String> stop = http.send(HttpRequest.newBuilder(base.resolve("/api/live/stop"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
      assertThat(run.waitFor(60)).as(TestCluster.out(run)).isEqualTo(4);
      long served = target.served("/x");
      Thread.sleep(1_000);
      assertThat(target.served("/x")).as("the worker stopped too").isEqualTo(served);
    }
  }

  private static JsonNode live(HttpClient http, URI base) {
    try {
      String body = http.send(HttpRequest.newBuilder(base.resolve("/api/live")).build(), HttpResponse.BodyHandlers.ofString()).body();
      return ClusterTest.JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
