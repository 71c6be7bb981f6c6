package horde.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.Alone;
import horde.HordeProcess;
import horde.Nginx;
import horde.Ports;
import horde.result.HistogramCodec;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A coordinator and its workers as separate JVMs on loopback, against nginx, which keeps its own
 * books: the merged count is nginx's, each worker's share is its segment's, the merged histogram
 * is the union of the workers' own; a late worker waits for the next run and takes part in it; an
 * open-model run split three ways keeps its rate, with the target's own metrics, which the
 * coordinator scrapes, in every merged second; Ctrl-C stops every worker and keeps the result.
 */
@Alone
class ClusterTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path tmp;

  @Test
  void threeWorkersRunOneTestAsOneMachineWould() throws Exception {
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
    Nginx nginx = new Nginx(tmp.resolve("nginx"));
    List<String> members = Arrays.stream(Ports.distinct(5)).mapToObj(p -> "127.0.0.1:" + p).toList();
    try (TestCluster cluster = new TestCluster(tmp, "truth-" + ProcessHandle.current().pid(), members)) {
      for (int w = 1; w <= 3; w++) cluster.worker("w" + w, members.get(w + 1));

      // A fixed count across three workers, a fourth joining while it runs
      Path fixed = scenario("fixed", nginx.url(), "/sleep/50", "{ requests: 3000, concurrency: 30 }");
      HordeProcess a = cluster.coordinator("a", members.get(0), List.of(), fixed.toString(), "--workers", "3", "--out", result("a"));
      assertThat(a.awaitOutput("Running", 90)).as(TestCluster.out(a)).isTrue();
      HordeProcess late = cluster.worker("w0", members.get(1));
      assertThat(a.waitFor(90)).as(TestCluster.out(a)).isZero();
      JsonNode r = JSON.readTree(Path.of(result("a")).toFile());
      assertThat(r.path("summary").path("requests").asLong()).isEqualTo(3000);
      assertThat(nginx.logged("/sleep/50")).isEqualTo(3000 + r.path("in_flight_at_end").asLong());
      for (JsonNode w : r.path("settings").path("cluster").path("workers")) {
        assertThat(w.path("requests").asLong()).as(w.toString()).isBetween(999L, 1001L);
        assertThat(w.path("share").asString()).isEqualTo("1/3");
      }
      assertThat(TestCluster.out(a)).contains("Workers (cluster ", "w1 ", "w2 ", "w3 ");
      if (TestCluster.out(late).contains("waiting for a coordinator") && !TestCluster.out(a).contains("w0 joined during")) {
        // it joined after the run's last second: nothing to see, but it took no part either
        assertThat(r.path("settings").path("cluster").path("workers").toString()).doesNotContain("w0");
      } else {
        assertThat(TestCluster.out(a)).contains("worker w0 joined during the run; it waits for the next one");
      }
      assertStartedTogether(cluster, List.of("w1", "w2", "w3"));
      Histogram union = new Histogram(3);
      long sum = 0;
      for (String w : List.of("w1", "w2", "w3")) {
        JsonNode own = JSON.readTree(cluster.workerResult(w).toFile());
        union.add(HistogramCodec.decode(own.path("histograms").path("GET /sleep/50").asString()));
        sum += own.path("summary").path("requests").asLong();
      }
      Histogram merged = HistogramCodec.decode(r.path("histograms").path("GET /sleep/50").asString());
      assertThat(sum).isEqualTo(3000);
      assertThat(merged).isEqualTo(union);
      assertThat(merged.getValueAtPercentile(99)).isEqualTo(union.getValueAtPercentile(99));
      assertThat(r.path("summary").path("latency_ms").path("p99").asDouble())
          .isCloseTo(union.getValueAtPercentile(99) / 1000.0, org.assertj.core.data.Offset.offset(0.01));

      // The open model across three workers, the late one among them: the whole schedule, no drops
      cluster.workers.get("w3").signal("TERM"); // leaves: three remain, w0 with them
      assertThat(cluster.workers.get("w3").waitFor(20)).as("it left").isNotEqualTo(-1);
      long before = nginx.logged("/fast");
      // ...with the target watched: the coordinator scrapes (here the simulator's /metrics) into each merged second
      Path open = scenario("open", nginx.url(), "/fast", "{ arrival_rate: 300/s, run_time: 3s, max_users: 1000 }");
      JsonNode o;
      HordeProcess b;
      try (Simulator sim = Simulator.start(SimulatorOptions.defaults())) {
        Files.writeString(open, Files.readString(open) + MONITOR.formatted(sim.baseUrl()));
        b = cluster.coordinator("b", members.get(0), List.of(), open.toString(), "--workers", "3", "--out", result("b"));
        assertThat(b.waitFor(90)).as(TestCluster.out(b)).isZero();
        o = JSON.readTree(Path.of(result("b")).toFile());
      }
      assertTargetInEverySecond(o);
      assertThat(o.path("summary").path("requests").asLong()).as(TestCluster.out(b)).isEqualTo(900);
      assertThat(o.path("dropped_iterations").asLong()).isZero();
      assertThat(o.path("summary").path("rps").asDouble()).as("within 1% of 300/s").isBetween(297.0, 303.0);
      assertThat(nginx.logged("/fast") - before).isEqualTo(900);
      List<String> used = new ArrayList<>();
      for (JsonNode w : o.path("settings").path("cluster").path("workers")) {
        used.add(w.path("name").asString());
        assertThat(w.path("requests").asLong()).isEqualTo(300);
      }
      assertThat(used).containsExactly("w0", "w1", "w2");
      long inTime = 0; // answered in time: the last short second ends with the last answer, just after 3 s
      for (JsonNode p : o.path("timeline")) if (p.path("t").asDouble() <= 3.25) inTime += p.path("requests").asLong();
      assertThat(inTime).as(o.path("timeline").toString()).isGreaterThanOrEqualTo(891);

      // Ctrl-C on the coordinator: every worker stops, the result of what ran is written
      long sleptBefore = nginx.logged("/sleep/50");
      Path closed = scenario("closed", nginx.url(), "/sleep/50", "{ users: 30, spawn_rate: 30, run_time: 60s }");
      HordeProcess c = cluster.coordinator("c", members.get(0), List.of(), closed.toString(), "--workers", "3", "--out", result("c"));
      assertThat(c.awaitOutput("Running", 90)).as(TestCluster.out(c)).isTrue();
      long until = System.nanoTime() + 30_000_000_000L; // on a busy machine the workers take a while to begin
      while (nginx.logged("/sleep/50") - sleptBefore < 400 && System.nanoTime() < until) Thread.sleep(100);
      c.signal("INT");
      assertThat(c.waitFor(30)).as(TestCluster.out(c)).isEqualTo(4);
      JsonNode s = JSON.readTree(Path.of(result("c")).toFile());
      assertThat(s.path("aborted").asBoolean()).isTrue();
      assertThat(s.path("summary").path("requests").asLong()).isGreaterThan(300);
      for (String w : List.of("w0", "w1", "w2")) {
        assertThat(cluster.workers.get(w).awaitOutput("stopped by the coordinator", 10)).isTrue();
      }
      Thread.sleep(500);
      assertThat(nginx.logged("/sleep/50") - sleptBefore)
          .isEqualTo(s.path("summary").path("requests").asLong() + s.path("in_flight_at_end").asLong());
    } finally {
      nginx.close();
    }
  }

  /**
   * Each worker began at the coordinator's instant, not before it (on one machine the clocks are
   * one, so this is also how far apart they began): a worker that started on arrival would be
   * about half a second early. How late is the scheduler's wake-up: a few ms on a quiet machine,
   * up to tens of ms on this shared build machine, hence the bound.
   */
  private static void assertStartedTogether(TestCluster cluster, List<String> workers) {
    List<Double> late = new ArrayList<>();
    for (String w : workers) {
      Matcher m = STARTED.matcher(TestCluster.out(cluster.workers.get(w)));
      assertThat(m.find()).as(TestCluster.out(cluster.workers.get(w))).isTrue();
      late.add(Double.parseDouble(m.group(1)));
    }
    System.out.println("started after the coordinator's instant (ms): " + late);
    assertThat(late).allSatisfy(ms -> assertThat(ms).isBetween(0.0, 250.0));
  }

  private static final Pattern STARTED = Pattern.compile("phase 1 started (-?[0-9.]+) ms after the coordinator's instant");

  static final String MONITOR = """
      monitor:
        prometheus:
          - url: %s/metrics
            timeout: 3s
            series:
              - capacity: horde_simulator_generation_capacity
              - scrapes_per_s: rate(horde_simulator_requests_total{endpoint="/metrics"})
      """;

  /** The merged seconds have the simulator's capacity, 16, and its scrapes at one a second. */
  private static void assertTargetInEverySecond(JsonNode o) {
    JsonNode intervals = o.path("intervals").path("seconds");
    assertThat(intervals.size()).as(o.path("target").toString()).isGreaterThanOrEqualTo(3);
    // the first second may have none yet (the watch starts with the run: on a loaded machine its first
    // scrape can still be under way); a scrape may fail (counted in its second), never fatal
    int values = 0;
    for (int k = 1; k < intervals.size(); k++) {
      JsonNode i = intervals.get(k);
      if (i.path("target_failures").asInt() > 0 && !i.path("target").has("capacity")) continue;
      values++;
      assertThat(i.path("target").path("capacity").asDouble()).as(i.toString()).isEqualTo(16.0);
    }
    assertThat(values).as(intervals.toString()).isGreaterThanOrEqualTo(intervals.size() - 2);
    int rates = 0; // a rate needs two scrapes that saw the counter: not in the first seconds of the watch
    for (JsonNode i : intervals) {
      if (!i.path("target").has("scrapes_per_s")) continue;
      rates++;
      assertThat(i.path("target").path("scrapes_per_s").asDouble()).as(i.toString()).isBetween(0.5, 2.0);
    }
    assertThat(rates).as(intervals.toString()).isPositive();
    assertThat(o.path("target").path("series").path("capacity").path("seconds").asInt()).isGreaterThanOrEqualTo(3);
  }

  private String result(String name) {
    return tmp.resolve(name + ".json").toString();
  }

  private Path scenario(String name, String target, String path, String load) throws Exception {
    Path file = tmp.resolve(name + ".yaml");
    Files.writeString(file, """
        name: %s
        target: %s
        users:
          - name: client
            tasks:
              - get: %s
        load: %s
        thresholds:
          - error_rate < 1%%
        """.formatted(name, target, path, load));
    return file;
  }
}
