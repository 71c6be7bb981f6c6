package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.UnixOperatingSystemMXBean;
import horde.Scenarios;
import horde.TestServer;
import horde.plan.FailureReasons;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.record.Samples;
import horde.scenario.LoadProfile;
import horde.scenario.Measures;
import horde.scenario.Stage;
import horde.scenario.yaml.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JIT warm-up runs the scenario's users against a server in this process: none of it reaches
 * the target, the run after it does, on connections of its own; it runs by default only for a load
 * that starts large, and not for a scenario the local server cannot stand in for.
 */
class JitWarmUpTest {
  @TempDir Path tmp;

  @Test
  void nothingOfTheWarmUpReachesTheTargetAndTheRunAfterItDoes() throws Exception {
    try (TestServer target = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      TestPlan plan = plan(Scenarios.get(target.url(), "/x", Scenarios.requests(40, 4)));
      try (Generator generator = new Generator(plan, EngineOptions.DEFAULTS)) {
        long[] taken = new long[2];
        JitWarmUp.Done done = JitWarmUp.run(generator, plan.scenario().load(), EngineOptions.DEFAULTS,
            plan.initialVariables(), () -> false, round -> recorded -> {
              taken[0]++;
              taken[1] += recorded.total(Measures.REQUESTS);
            });
        assertThat(target.served("/x")).as("the warm-up's requests went to the server in this process").isZero();
        assertThat(done.requests()).isPositive();
        assertThat(taken[1]).as("every request recorded went to the statistics").isEqualTo(done.requests());
        assertThat(taken[0]).as("many times a round, as the run's statistics take its seconds").isGreaterThan(10L * done.rounds());
        assertThat(done.rounds()).isBetween(2, 8);
        assertThat(generator.client().sockets()).as("the warm-up's connections are closed").isZero();

        Engine run = generator.engine(plan.scenario().load(), new Samples(1, FailureReasons.CAPACITY), plan.initialVariables());
        run.start();
        run.await();
        long counted = run.recorded().counter(0, Measures.REQUESTS);
        assertThat(counted).isEqualTo(40);
        assertThat(target.served("/x")).as("every request of the run reached the target").isEqualTo(counted);
      }
    }
  }

  /** Setup's connection to the target stays in the pool: the warm-up closes it rather than lend it to its users. */
  @Test
  void aConnectionSetupLeftOpenToTheTargetIsNotLentToTheWarmUp() throws Exception {
    try (TestServer target = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      TestPlan plan = plan("target: " + target.url() + "\nsetup: [{ get: /x }]");
      try (Generator generator = new Generator(plan, EngineOptions.DEFAULTS)) {
        Generator.OnceResult setup = generator.once(plan.setup(), plan.initialVariables(), Duration.ofSeconds(5));
        assertThat(target.served("/x")).isEqualTo(1);
        assertThat(generator.client().sockets()).as("kept alive in the pool").isEqualTo(1);
        JitWarmUp.Done done = JitWarmUp.run(generator, plan.scenario().load(), EngineOptions.DEFAULTS, setup.variables(),
            () -> false, NO_STATISTICS);
        assertThat(done.requests()).isPositive();
        assertThat(target.served("/x")).isEqualTo(1);
      }
    }
  }

  @Test
  void aStopEndsItBeforeItsNextRound() throws Exception {
    try (TestServer target = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      TestPlan plan = plan(Scenarios.get(target.url(), "/x", Scenarios.requests(1, 1)));
      try (Generator generator = new Generator(plan, EngineOptions.DEFAULTS)) {
        JitWarmUp.Done done = JitWarmUp.run(generator, plan.scenario().load(), EngineOptions.DEFAULTS,
            plan.initialVariables(), () -> true, NO_STATISTICS);
        assertThat(done.rounds()).isZero();
        assertThat(done.requests()).isZero();
      }
    }
  }

  /** The last round rehearses the load's start: as many users at once (its first second's), when more than a round's 500. */
  @Test
  void itsLastRoundStartsAsManyUsersAsTheLoad() throws Exception {
    try (TestServer target = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      TestPlan plan = plan(Scenarios.get(target.url(), "/x", Scenarios.requests(1, 1)));
      int limit = (int) Math.min(1200,
          ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount() / 8);
      assumeThat(limit).as("an eighth of the open-files limit holds more users than a round's 500").isGreaterThan(500);
      try (Generator generator = new Generator(plan, EngineOptions.DEFAULTS)) {
        for (int start : new int[] {1200, 300}) {
          List<Engine> rounds = new ArrayList<>();
          JitWarmUp.Done done = JitWarmUp.run(generator, new LoadProfile.Closed(start, start, Duration.ofSeconds(10), null),
              EngineOptions.DEFAULTS, plan.initialVariables(), () -> false, collecting(rounds));
          List<Integer> peaks = rounds.stream().map(Engine::takePeakUsers).toList();
          assertThat(done.rounds()).isEqualTo(rounds.size());
          if (start > 500) {
            assertThat(peaks.getLast()).as("the rehearsal of a start of %d", start).isEqualTo(limit);
            assertThat(peaks.subList(0, peaks.size() - 1)).allSatisfy(p -> assertThat(p).isEqualTo(500));
          } else {
            assertThat(peaks).as("a start of %d has no rehearsal", start).allSatisfy(p -> assertThat(p).isEqualTo(500));
          }
          assertThat(target.served("/x")).isZero();
        }
      }
    }
  }

  /** An arrival rate's users come and go: its warm-up has no rehearsal of a start, and runs. */
  @Test
  void anArrivalRateHasNoRehearsal() throws Exception {
    try (TestServer target = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      TestPlan plan = plan(Scenarios.get(target.url(), "/x", Scenarios.requests(1, 1)));
      try (Generator generator = new Generator(plan, EngineOptions.DEFAULTS)) {
        List<Engine> rounds = new ArrayList<>();
        JitWarmUp.Done done = JitWarmUp.run(generator, LoadProfile.Open.constant(20_000, Duration.ofSeconds(10), 1000),
            EngineOptions.DEFAULTS, plan.initialVariables(), () -> false, collecting(rounds));
        assertThat(done.requests()).isPositive();
        assertThat(rounds).hasSize(done.rounds()).allSatisfy(r -> assertThat(r.takePeakUsers()).isLessThanOrEqualTo(500));
      }
    }
  }

  @Test
  void byDefaultOnlyALoadThatStartsLargeIsWarmedUp() throws Exception {
    TestPlan plan = plan("target: http://127.0.0.1:9");
    Duration t = Duration.ofSeconds(10);
    assertThat(JitWarmUp.wanted(JitWarmUp.When.AUTO, new LoadProfile.Closed(2000, 2000, t, null), plan)).isNull();
    assertThat(JitWarmUp.wanted(JitWarmUp.When.AUTO, new LoadProfile.Closed(2000, 100, t, null), plan))
        .as("2,000 users at 100 a second: the JIT compiles while they ramp").isEqualTo("the load starts small");
    assertThat(JitWarmUp.wanted(JitWarmUp.When.AUTO, new LoadProfile.Closed(50, 50, t, null), plan)).isNotNull();
    assertThat(JitWarmUp.wanted(JitWarmUp.When.ON, new LoadProfile.Closed(50, 50, t, null), plan)).isNull();
    assertThat(JitWarmUp.wanted(JitWarmUp.When.OFF, new LoadProfile.Closed(2000, 2000, t, null), plan)).isEqualTo("turned off");
  }

  @Test
  void aLargeStartIsTheFirstSecondsUsersOrArrivals() {
    Duration t = Duration.ofSeconds(10);
    assertThat(JitWarmUp.startsLarge(new LoadProfile.Closed(1000, 1000, t, null))).isTrue();
    assertThat(JitWarmUp.startsLarge(new LoadProfile.Closed(999, 5000, t, null))).isFalse();
    assertThat(JitWarmUp.startsLarge(new LoadProfile.Staged(
        List.of(new Stage(Duration.ofMillis(500), 1000), new Stage(t, 1000)), null))).isTrue();
    assertThat(JitWarmUp.startsLarge(new LoadProfile.Staged(List.of(new Stage(Duration.ofSeconds(10), 5000)), null)))
        .as("500 users in its first second").isFalse();
    assertThat(JitWarmUp.startsLarge(new LoadProfile.UserShape(d -> 1500, t, null))).isTrue();
    assertThat(JitWarmUp.startsLarge(new LoadProfile.FixedCount(100_000, 1000, t, null, 0))).isTrue();
    assertThat(JitWarmUp.startsLarge(LoadProfile.Open.constant(2000, t, 1000))).isTrue();
    assertThat(JitWarmUp.startsLarge(LoadProfile.Open.constant(1999, t, 1000))).isFalse();
    assertThat(JitWarmUp.startsLarge(new LoadProfile.Open(0, List.of(new LoadProfile.RateStage(Duration.ofSeconds(60), 5000)),
        1000, null, null))).as("83 arrivals a second by its first second's end").isFalse();
    assertThat(JitWarmUp.startsLarge(new LoadProfile.RateShape(d -> 5000, t, 1000, null))).isTrue();
  }

  @Test
  void aScenarioTheLocalServerCannotStandInForIsNotWarmedUpEvenWhenAskedTo() throws Exception {
    LoadProfile big = new LoadProfile.Closed(2000, 2000, Duration.ofSeconds(5), null);
    assertThat(JitWarmUp.wanted(JitWarmUp.When.ON, big, plan("target: https://127.0.0.1:9")))
        .isEqualTo("the target is not plain http");
    assertThat(JitWarmUp.wanted(JitWarmUp.When.ON, big, plan("target: http://127.0.0.1:9\nhttp: {version: 2}")))
        .isEqualTo("the scenario speaks HTTP/2");
    Files.writeString(tmp.resolve("rows.csv"), "user\na\nb\n");
    assertThat(JitWarmUp.wanted(JitWarmUp.When.ON, big, plan("""
        target: http://127.0.0.1:9
        feeders:
          rows: {file: rows.csv, order: unique}""")))
        .startsWith("a feeder is read in unique order");
  }

  private static final Function<Engine, Consumer<IntervalSnapshot>> NO_STATISTICS = round -> recorded -> {};

  /** No statistics; each round's engine goes into {@code rounds}, for its peak of users. */
  private static Function<Engine, Consumer<IntervalSnapshot>> collecting(List<Engine> rounds) {
    return round -> {
      rounds.add(round);
      return recorded -> {};
    };
  }

  private TestPlan plan(String head) throws Exception {
    String yaml = head + "\nusers: [{ name: u, tasks: [{ get: /x }] }]\n";
    return new Planner(Map.of()).plan(ScenarioLoader.parse(yaml, "s.yaml", tmp));
  }

  private static TestPlan plan(horde.scenario.Scenario s) {
    return new Planner(Map.of()).plan(s);
  }
}
