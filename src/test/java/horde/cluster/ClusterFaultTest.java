package horde.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.HordeProcess;
import horde.Nginx;
import horde.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults: a worker killed mid-run is reported by name within seconds, the others go on, and the
 * result says what was lost; a coordinator killed mid-run leaves no load behind, its workers stop
 * within seconds.
 */
class ClusterFaultTest {
  @TempDir Path tmp;

  @Test
  void aKilledWorkerIsReportedAndAKilledCoordinatorLeavesNoLoad() throws Exception {
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
    Nginx nginx = new Nginx(tmp.resolve("nginx"));
    List<String> members = Arrays.stream(Ports.distinct(4)).mapToObj(p -> "127.0.0.1:" + p).toList();
    try (TestCluster cluster = new TestCluster(tmp, "faults-" + ProcessHandle.current().pid(), members)) {
      for (int w = 1; w <= 3; w++) cluster.worker("w" + w, members.get(w));
      Path closed = scenario(nginx.url(), "{ users: 30, spawn_rate: 30, run_time: 10s }");
      HordeProcess a = cluster.coordinator("a", members.get(0), List.of(), closed.toString(), "--workers", "3", "--out",
          tmp.resolve("a.json").toString());
      assertThat(a.awaitOutput("Running", 90)).as(TestCluster.out(a)).isTrue();
      long until = System.nanoTime() + 30_000_000_000L; // on a busy machine the workers take a while to begin
      while (nginx.logged("/sleep/50") == 0 && System.nanoTime() < until) Thread.sleep(50);
      Thread.sleep(3_000);
      cluster.workers.get("w2").close(); // kill -9
      long killed = System.nanoTime();
      assertThat(a.awaitOutput("worker w2 lost at", 15)).as(TestCluster.out(a)).isTrue();
      double seconds = (System.nanoTime() - killed) / 1e9;
      assertThat(seconds).as("reported within seconds").isLessThan(5.0);
      assertThat(a.waitFor(60)).as(TestCluster.out(a)).isZero(); // WARN, not --strict
      JsonNode r = JsonMapper.builder().build().readTree(tmp.resolve("a.json").toFile());
      assertThat(r.path("verdict").asString()).isEqualTo("warn");
      assertThat(r.path("duration_s").asDouble()).as("the others went on").isGreaterThan(9.5);
      assertThat(r.path("notes").toString()).contains("worker w2 was lost at");
      assertThat(r.path("findings").toString()).contains("worker_lost", "Worker w2 was lost");
      JsonNode w2 = null, w1 = null;
      for (JsonNode w : r.path("settings").path("cluster").path("workers")) {
        if (w.path("name").asString().equals("w2")) w2 = w;
        if (w.path("name").asString().equals("w1")) w1 = w;
      }
      assertThat(w2.path("lost_at_s").asDouble()).isBetween(2.0, 9.0);
      // what it sent, it sent up to a second before it died (less when the machine is busy)
      assertThat(w2.path("missed_s").asDouble()).isBetween(1.0, r.path("duration_s").asDouble());
      assertThat(w1.has("lost_at_s")).isFalse();
      assertThat(w1.path("requests").asLong()).isGreaterThan(w2.path("requests").asLong());
      assertThat(TestCluster.out(a)).contains("lost at", "missed");
      // what w2 sent in its last moments never reached the coordinator: never more counted than nginx answered
      assertThat(r.path("summary").path("requests").asLong()).isLessThanOrEqualTo(nginx.logged("/sleep/50"));

      HordeProcess b = cluster.coordinator("b", members.get(0), List.of(), scenario(nginx.url(),
          "{ users: 20, spawn_rate: 20, run_time: 60s }").toString(), "--workers", "2");
      assertThat(b.awaitOutput("Running", 90)).as(TestCluster.out(b)).isTrue();
      Thread.sleep(2_000);
      b.close(); // kill -9
      killed = System.nanoTime();
      for (String w : List.of("w1", "w3")) {
        assertThat(cluster.workers.get(w).awaitOutput("lost the coordinator", 15)).as(TestCluster.out(cluster.workers.get(w)))
            .isTrue();
      }
      assertThat((System.nanoTime() - killed) / 1e9).as("workers stop within seconds").isLessThan(8.0);
      Thread.sleep(3_000); // the abort's grace for requests in flight
      long after = nginx.logged("/sleep/50");
      Thread.sleep(2_000);
      assertThat(nginx.logged("/sleep/50")).as("no load once the coordinator is gone").isEqualTo(after);
    } finally {
      nginx.close();
    }
  }

  private Path scenario(String target, String load) throws Exception {
    Path file = Files.createTempFile(tmp, "s", ".yaml");
    Files.writeString(file, """
        name: faults
        target: %s
        users:
          - name: client
            tasks:
              - get: /sleep/50
        load: %s
        """.formatted(target, load));
    return file;
  }
}
