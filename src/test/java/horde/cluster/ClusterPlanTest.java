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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan split across three workers. A unique feeder: every row is used once in the whole
 * cluster (each worker has its own rows, not a copy of the file), and the workers need no files:
 * the scenario and its data are deleted before the last worker joins, and the test runs from what
 * the coordinator shipped. Phases: each is split and run in turn, its count exact.
 */
class ClusterPlanTest {
  @TempDir Path tmp;

  @Test
  void uniqueRowsAreUsedOnceAcrossTheClusterFromTheShippedData() throws Exception {
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
    Nginx nginx = new Nginx(tmp.resolve("nginx"));
    List<String> members = Arrays.stream(Ports.distinct(4)).mapToObj(p -> "127.0.0.1:" + p).toList();
    try (TestCluster cluster = new TestCluster(tmp, "rows-" + ProcessHandle.current().pid(), members)) {
      cluster.worker("w1", members.get(1));
      cluster.worker("w2", members.get(2));
      Path data = Files.createDirectories(tmp.resolve("scenario"));
      Files.writeString(data.resolve("accounts.csv"),
          "user\n" + String.join("\n", IntStream.rangeClosed(1, 30).mapToObj(i -> "a" + i).toList()) + "\n");
      Path file = Files.writeString(data.resolve("rows.yaml"), """
          name: rows
          target: %s
          feeders:
            accounts: {file: accounts.csv, order: unique}
          users:
            - name: client
              on_start:
                - get: /fast?login=${accounts.user}
              tasks:
                - get: /sleep/50
          load: { users: 30, spawn_rate: 30, run_time: 2s }
          """.formatted(nginx.url()));
      Path out = tmp.resolve("rows.json");
      HordeProcess c = cluster.coordinator("c", members.get(0), List.of(), file.toString(), "--workers", "3", "--out",
          out.toString());
      assertThat(c.awaitOutput("Waiting for workers: 2 of 3", 60)).as(TestCluster.out(c)).isTrue();
      Files.delete(data.resolve("accounts.csv"));
      Files.delete(file);
      cluster.worker("w3", members.get(3));
      assertThat(c.waitFor(90)).as(TestCluster.out(c)).isZero();

      JsonNode r = JsonMapper.builder().build().readTree(out.toFile());
      assertThat(r.path("summary").path("failures").asLong()).as("no user ran out of rows").isZero();
      List<String> logins = nginx.requested("/fast?login=");
      // 30 users over 3 workers, 10 each: with the whole file on every worker, a1..a10 would come three times
      assertThat(logins).as(TestCluster.out(c)).hasSize(30)
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 30).mapToObj(i -> "/fast?login=a" + i).toList());

      phases(cluster, nginx, members.get(0));
    } finally {
      nginx.close();
    }
  }

  private void phases(TestCluster cluster, Nginx nginx, String at) throws Exception {
    Path file = Files.writeString(tmp.resolve("phases.yaml"), """
        name: phases
        target: %s
        users:
          - name: client
            tasks:
              - get: /fast
        phases:
          - name: small
            load: { requests: 300, concurrency: 6 }
          - name: large
            load: { requests: 600, concurrency: 9 }
        """.formatted(nginx.url()));
    Path out = tmp.resolve("phases.json");
    HordeProcess c = cluster.coordinator("p", at, List.of(), file.toString(), "--workers", "3", "--out", out.toString());
    assertThat(c.waitFor(90)).as(TestCluster.out(c)).isZero();
    JsonNode r = JsonMapper.builder().build().readTree(out.toFile());
    JsonNode phases = r.path("phases");
    assertThat(phases.size()).isEqualTo(2);
    assertThat(phases.get(0).path("summary").path("requests").asLong()).isEqualTo(300);
    assertThat(phases.get(1).path("summary").path("requests").asLong()).isEqualTo(600);
    assertThat(phases.get(1).path("start_s").asDouble()).isGreaterThan(0);
    assertThat(nginx.logged("/fast")).isEqualTo(900);
    for (JsonNode w : r.path("settings").path("cluster").path("workers")) {
      assertThat(w.path("requests").asLong()).as(w.toString()).isEqualTo(300); // 100 of the first, 200 of the second
    }
    for (String w : List.of("w1", "w2", "w3")) {
      assertThat(TestCluster.out(cluster.workers.get(w))).contains("phase 2 started");
    }
  }
}
