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
 * and their messages encrypted with a shared secret. The merged count is still nginx's.
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
        nginx.close();
        assertThat(nginx.logged("/fast")).isEqualTo(3000 + r.path("in_flight_at_end").asLong());
        // every worker sent from its own address
        String log = Files.readString(tmp.resolve("nginx/logs/access.log"));
        for (int w = 1; w <= 3; w++) assertThat(log).contains(Namespaces.address(w) + " - ");
      } finally {
        nginx.close();
      }
    }
  }
}
