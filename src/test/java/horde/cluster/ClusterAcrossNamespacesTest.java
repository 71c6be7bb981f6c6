package horde.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.HordeProcess;
import horde.Nginx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster across a real network stack: the coordinator, three workers and nginx each on a
 * test host of their own (a network namespace with its own address), the members authenticated
 * and their messages encrypted with a shared secret. The merged count is still nginx's; a worker
 * cut off from the cluster (not from the target) is named, and stops its own load.
 */
class ClusterAcrossNamespacesTest {
  @TempDir Path tmp;

  @Test
  void aClusterAcrossHostsOfItsOwnCountsAsNginxDoes() throws Exception {
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
    Namespaces net;
    try {
      net = Namespaces.create("hx" + ProcessHandle.current().pid() % 100000 + "x", 5);
    } catch (IOException e) {
      Assumptions.abort("network namespaces cannot be made here (needs root and iproute2): " + e.getMessage());
      return;
    }
    try (net) {
      Nginx nginx = new Nginx(tmp.resolve("nginx"), net.on(4), Namespaces.address(4), 8080);
      List<String> members = IntStream.range(0, 4).mapToObj(i -> Namespaces.address(i) + ":7800").toList();
      try (TestCluster cluster = new TestCluster(tmp, "netns", members).withSecret("s3cret-for-the-test")) {
        for (int w = 1; w <= 3; w++) cluster.worker("w" + w, members.get(w), net.on(w));
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, """
            name: across
            target: %s
            users:
              - name: client
                tasks:
                  - get: /fast
            load: { requests: 3000, concurrency: 15 }
            """.formatted(nginx.url()));
        HordeProcess c = cluster.coordinator("c", members.get(0), net.on(0), file.toString(), "--workers", "3", "--out",
            tmp.resolve("r.json").toString());
        assertThat(c.waitFor(120)).as(TestCluster.out(c)).isZero();
        assertThat(TestCluster.out(c)).contains("Coordinator coordinator in cluster netns on " + Namespaces.address(0))
            .doesNotContain("has no secret");
        JsonNode r = JsonMapper.builder().build().readTree(tmp.resolve("r.json").toFile());
        assertThat(r.path("summary").path("requests").asLong()).isEqualTo(3000);
        assertThat(r.path("summary").path("failures").asLong()).isZero();
        for (JsonNode w : r.path("settings").path("cluster").path("workers")) {
          assertThat(w.path("requests").asLong()).isEqualTo(1000);
        }
        assertThat(nginx.logged("/fast")).isEqualTo(3000 + r.path("in_flight_at_end").asLong());
        // every worker sent from its own address
        String log = Files.readString(tmp.resolve("nginx/logs/access.log"));
        for (int w = 1; w <= 3; w++) assertThat(log).contains(Namespaces.address(w) + " - ");

        cutOff(net, cluster, nginx, members);
      } finally {
        nginx.close();
      }
    }
  }

  /**
   * A worker cut off from the cluster's hosts mid-run (it still reaches nginx), under {@code
   * --on-worker-loss abort}: the coordinator names it within seconds and stops the test; the cut-off
   * worker notices it lost its coordinator and stops its load, which nginx sees.
   */
  private void cutOff(Namespaces net, TestCluster cluster, Nginx nginx, List<String> members) throws Exception {
    Path file = tmp.resolve("long.yaml");
    Files.writeString(file, """
        name: cut
        target: %s
        users:
          - name: client
            tasks:
              - get: /sleep/50
        load: { users: 15, spawn_rate: 15, run_time: 60s }
        """.formatted(nginx.url()));
    HordeProcess c = cluster.coordinator("cut", members.get(0), net.on(0), file.toString(), "--workers", "3",
        "--on-worker-loss", "abort", "--out", tmp.resolve("cut.json").toString());
    assertThat(c.awaitOutput("Running", 90)).as(TestCluster.out(c)).isTrue();
    HordeProcess w2 = cluster.workers.get("w2");
    long until = System.nanoTime() + 15_000_000_000L;
    while (fromHost(2) < 20 && System.nanoTime() < until) Thread.sleep(200);
    assertThat(fromHost(2)).as("w2 sends load:\n%s\n%s", TestCluster.out(c), TestCluster.out(w2)).isGreaterThanOrEqualTo(20);
    net.cut(2, 0, 1, 3);
    long cut = System.nanoTime();
    assertThat(c.awaitOutput("worker w2 lost at", 30)).as(TestCluster.out(c)).isTrue();
    double named = (System.nanoTime() - cut) / 1e9;
    assertThat(named).as("a cut-off worker is named within seconds").isLessThan(10.0);
    assertThat(c.waitFor(30)).as(TestCluster.out(c)).isEqualTo(4);
    assertThat(TestCluster.out(c)).contains("stopping every worker (--on-worker-loss abort)");
    JsonNode r = JsonMapper.builder().build().readTree(tmp.resolve("cut.json").toFile());
    assertThat(r.path("aborted").asBoolean()).isTrue();
    assertThat(r.path("notes").toString()).contains("worker w2 was lost at");
    for (String w : List.of("w1", "w3")) {
      assertThat(cluster.workers.get(w).awaitOutput("stopped by the coordinator", 10)).as(TestCluster.out(cluster.workers.get(w)))
          .isTrue();
    }
    assertThat(w2.awaitOutput("lost the coordinator", 30)).as(TestCluster.out(w2)).isTrue();
    double stopped = (System.nanoTime() - cut) / 1e9;
    System.out.printf("cut off: named after %.1f s, its load stopped after %.1f s%n", named, stopped);
    assertThat(stopped).as("the cut-off worker stops within seconds").isLessThan(20.0);
    Thread.sleep(3_000); // the stop's grace for requests in flight
    long after = fromHost(2);
    Thread.sleep(2_000);
    assertThat(fromHost(2)).as("no load from the cut-off worker").isEqualTo(after);
  }

  /** Requests for /sleep/50 nginx logged from test host {@code host}. */
  private long fromHost(int host) throws IOException {
    try (var lines = Files.lines(tmp.resolve("nginx/logs/access.log"))) {
      return lines.filter(l -> l.startsWith(Namespaces.address(host) + " ") && l.contains("\"GET /sleep/50 ")).count();
    }
  }
}
