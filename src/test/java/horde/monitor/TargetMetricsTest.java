package horde.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import horde.Cli;
import horde.Ports;
import horde.cli.ExitCode;
import horde.criteria.CriterionResult;
import horde.criteria.TargetSeries;
import horde.result.ResultReader;
import horde.result.RunResult;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import horde.stats.Interval;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target's metrics on the run's timeline: from the simulator's /metrics, whose queue the load
 * fills to a known depth, and from Debian's node_exporter, a real exporter Horde did not write,
 * whose figures can be checked against the machine itself. Criteria on them pass and fail as they
 * should; an endpoint that is down is counted and shown, never fatal.
 */
class TargetMetricsTest {
  @TempDir Path tmp;

  private RunResult run(String yaml, int expectedExit, String... flags) throws Exception {
    Path file = Files.writeString(tmp.resolve("s" + System.nanoTime() + ".yaml"), yaml);
    Path out = tmp.resolve("r" + System.nanoTime() + ".json");
    String[] args = new String[4 + flags.length];
    args[0] = "run";
    args[1] = file.toString();
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(flags, 0, args, 4, flags.length);
    Cli cli = Cli.run(args);
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(expectedExit);
    return ResultReader.read(out);
  }

  /** Each measured second's value of a series (the first seconds, while the queue fills, left out). */
  private static double[] settled(RunResult r, String series) {
    double[] all = TargetSeries.values(r.stats(), series);
    return Arrays.copyOfRange(all, Math.min(2, all.length), all.length);
  }

  @Test
  void theSimulatorsQueueLandsOnTheTimelineAtTheDepthTheLoadGivesIt() throws Exception {
    // 2 slots, 300 ms a generation, 6 users always asking: 2 run, 4 wait; latency 3 × 300 ms
    SimulatorOptions options = SimulatorOptions.builder().capacity(2).queue(8).timeToFirstToken(Duration.ofMillis(300))
        .outputTokens(1).outputTokensSpread(0).build();
    try (Simulator sim = Simulator.start(options)) {
      String yaml = """
          target: %s
          tasks:
            - post: /v1/chat/completions
              json: {model: m, messages: [{role: user, content: hi}], max_tokens: 1}
          load: {users: 6, run_time: 7s}
          monitor:
            prometheus:
              - url: %s/metrics
                series:
                  - horde_simulator_queue_depth
                  - running: horde_simulator_active_generations
                  - slots: horde_simulator_generation_capacity
                  - answers_per_s: rate(horde_simulator_requests_total{endpoint="/v1/chat/completions"})
                  - latency_p50_seconds: histogram_quantile(0.5, horde_simulator_request_duration_seconds)
          thresholds:
            - target.horde_simulator_queue_depth max < 50
            - target.slots min > 1
            - target.latency_p50_seconds p50 < 2s
          """.formatted(sim.baseUrl(), sim.baseUrl());
      RunResult r = run(yaml, ExitCode.PASS, "-q");
      assertThat(r.target().endpoints()).singleElement().satisfies(e -> {
        assertThat(e.failures()).isZero();
        assertThat(e.scrapes()).isGreaterThanOrEqualTo(5);
      });
      double[] depth = settled(r, "horde_simulator_queue_depth");
      assertThat(depth.length).isGreaterThanOrEqualTo(3);
      assertThat(TargetSeries.percentile(depth, 50)).isEqualTo(4);
      assertThat(TargetSeries.percentile(settled(r, "running"), 50)).isEqualTo(2);
      assertThat(settled(r, "slots")).containsOnly(2);
      // the simulator's own count of answers per second against Horde's
      assertThat(TargetSeries.percentile(settled(r, "answers_per_s"), 50)).isCloseTo(2 / 0.3, within(1.5));
      double p50 = TargetSeries.percentile(settled(r, "latency_p50_seconds"), 50);
      assertThat(p50).as("in the bucket (0.5 s, 1 s] of a 0.9 s latency").isBetween(0.5, 1.0);
      assertThat(r.criteria()).allMatch(CriterionResult::passed);
      assertThat(r.criteria().get(0).actual()).isEqualTo(4);
      // every second of the timeline had its values: the intervals line up with it
      assertThat(r.stats().intervals()).hasSameSizeAs(r.stats().timeline());
      assertThat(r.stats().intervals().stream().filter(i -> i.target() != null).count())
          .isEqualTo(r.stats().intervals().size());

      RunResult failing = run(yaml.replace("max < 50", "max < 3"), ExitCode.CRITERIA_FAILED, "-q");
      assertThat(failing.criteria().get(0).passed()).isFalse();
      assertThat(failing.criteria().get(0).actual()).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void aRealExportersFiguresLandOnTheTimelineWithTheMachinesOwnValues() throws Exception {
    Path exporter = Path.of("/usr/bin/prometheus-node-exporter");
    Assumptions.assumeTrue(Files.isExecutable(exporter), "Debian's prometheus-node-exporter (scripts/install-test-deps.sh)");
    int port = Ports.free();
    Process p = new ProcessBuilder(exporter.toString(), "--web.listen-address=127.0.0.1:" + port,
        "--collector.disable-defaults", "--collector.meminfo", "--collector.time", "--collector.loadavg")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("exporter.log").toFile()).start();
    try (Simulator sim = Simulator.start(SimulatorOptions.defaults())) {
      awaitPort(port);
      String yaml = """
          target: %s
          tasks: [get: /health]
          load: {users: 2, run_time: 4s}
          monitor:
            every: 500ms
            prometheus:
              - url: http://127.0.0.1:%d/metrics
                series:
                  - node_memory_MemTotal_bytes
                  - node_time_seconds
                  - memory_used_ratio: 1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes
          thresholds:
            - target.node_memory_MemTotal_bytes min > 1MB
            - target.memory_used_ratio max < 100%%
          """.formatted(sim.baseUrl(), port);
      RunResult r = run(yaml, ExitCode.PASS, "-q");
      long memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElseThrow();
      assertThat(TargetSeries.values(r.stats(), "node_memory_MemTotal_bytes")).isNotEmpty().containsOnly((double) memTotal);
      assertThat(Arrays.stream(TargetSeries.values(r.stats(), "memory_used_ratio")).boxed().toList()).isNotEmpty()
          .allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
      // the exporter's clock at each second is the run's: start + t, within a scrape interval
      long start = startMillis(r);
      for (Interval i : r.stats().intervals()) {
        double clock = i.target().value("node_time_seconds");
        if (!Double.isNaN(clock)) assertThat(clock).isCloseTo(start / 1000.0 + i.t(), within(1.5));
      }
      run(yaml.replace("min > 1MB", "max < 1MB"), ExitCode.CRITERIA_FAILED, "-q");
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  @Test
  void findingsJoinTheLatencyToTheQueueThatCausedIt() throws Exception {
    // 2 slots of 200 ms answer 10 a second; arrivals rise from 2/s to 20/s: past 10/s the queue
    // fills, latency rises with it, and once its 8 places are taken the excess is refused
    SimulatorOptions options = SimulatorOptions.builder().capacity(2).queue(8).timeToFirstToken(Duration.ofMillis(200))
        .outputTokens(1).outputTokensSpread(0).build();
    try (Simulator sim = Simulator.start(options)) {
      String yaml = """
          target: %s
          tasks:
            - post: /v1/chat/completions
              json: {model: m, messages: [{role: user, content: hi}], max_tokens: 1}
          load:
            start_rate: 2/s
            stages: [{duration: 25s, rate: 20/s}]
            max_users: 100
          monitor:
            prometheus:
              - url: %s/metrics
                series: [horde_simulator_queue_depth, horde_simulator_generation_capacity]
          """.formatted(sim.baseUrl(), sim.baseUrl());
      RunResult r = run(yaml, ExitCode.CRITERIA_FAILED, "-q"); // no criteria, and the 429s fail it
      assertThat(r.findings()).filteredOn(f -> f.kind().equals("target_latency")).singleElement()
          .satisfies(f -> assertThat(f.text()).contains("as the target's horde_simulator_queue_depth passed"));
      // the errors' finding ("errors started at 16 s as the target's horde_simulator_queue_depth
      // reached its maximum, 8") now allows for the scrape that shows the queue full landing a second
      // late (TargetFindingsTest); against the simulator it came in 2 of 3 runs at a load average of
      // 8 to 15, not in the third: not asserted here until that miss is understood.
    }
  }

  private static long startMillis(RunResult r) {
    return java.time.Instant.parse(r.startedAt()).toEpochMilli();
  }

  @Test
  void anEndpointThatIsDownIsCountedAndShownNotFatal() throws Exception {
    int closed = Ports.free();
    try (Simulator sim = Simulator.start(SimulatorOptions.defaults())) {
      String yaml = """
          target: %s
          tasks: [get: /health]
          load: {users: 1, run_time: 3s}
          monitor:
            prometheus:
              - url: http://127.0.0.1:%d/metrics
                series: [queue_depth]
              - url: %s/metrics
                series: [horde_simulator_generation_capacity]
          thresholds: [error_rate < 1%%]
          """.formatted(sim.baseUrl(), closed, sim.baseUrl());
      Path file = Files.writeString(tmp.resolve("down.yaml"), yaml);
      Cli cli = Cli.run("run", file.toString(), "-q", "--out", tmp.resolve("down.json").toString());
      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.PASS);
      RunResult r = ResultReader.read(tmp.resolve("down.json"));
      var down = r.target().endpoints().get(0);
      assertThat(down.scrapes()).isGreaterThanOrEqualTo(2);
      assertThat(down.failures()).isEqualTo(down.scrapes());
      assertThat(down.lastError()).isEqualTo("connection refused");
      assertThat(r.target().endpoints().get(1).failures()).isZero();
      assertThat(TargetSeries.values(r.stats(), "queue_depth")).isEmpty();
      assertThat(TargetSeries.values(r.stats(), "horde_simulator_generation_capacity")).isNotEmpty();
      assertThat(r.stats().intervals().stream().mapToInt(i -> i.target().failures()).sum()).isPositive();
      assertThat(cli.out()).contains("http://127.0.0.1:" + closed + "/metrics: ", "failed (last: connection refused)");
    }
  }

  private static void awaitPort(int port) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port));
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("node_exporter did not listen on " + port);
  }
}
