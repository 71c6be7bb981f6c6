package horde.run;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Scenarios;
import horde.TestServer;
import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.result.RunResult;
import horde.scenario.LoadProfile;
import horde.scenario.Measures;
import horde.stats.Interval;
import horde.stats.RunStats;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code warmup: 20 requests}: the whole seconds until 20 requests have completed are warm-up, the
 * rest is measured, and every request the server answered is in one or the other.
 */
class WarmupByCountTest {
  @Test
  void theSecondsUntilTheCountIsReachedAreWarmupAndNoMore() throws Exception {
    try (TestServer server = new TestServer().route("/slow", ex -> {
      Thread.sleep(100); // one user makes about 10 requests a second: 20 take two seconds
      TestServer.reply(ex, 200, "{}");
    })) {
      LoadProfile load = new LoadProfile.Closed(1, 1, Duration.ofSeconds(5), null, 20);
      RunResult r = new TestRun(new Planner(Map.of()).plan(Scenarios.get(server.url(), "/slow", load)),
          EngineOptions.DEFAULTS.withThreads(1), null).execute(p -> {});
      RunStats s = r.stats();
      long warm = 0, warmBeforeLast = 0, measured = 0;
      for (Interval i : s.intervals()) {
        long n = i.slices().stream().mapToLong(x -> x.counter(Measures.REQUESTS)).sum();
        if (i.warmup()) {
          warmBeforeLast = warm;
          warm += n;
        } else {
          measured += n;
        }
      }
      assertThat(warm).as("the warm-up holds the first 20 requests").isGreaterThanOrEqualTo(20);
      assertThat(warmBeforeLast).as("and ends in the second the 20th completed").isLessThan(20);
      assertThat(s.warmupSeconds()).as("whole seconds, at least two at 10 requests a second").isGreaterThanOrEqualTo(2.0)
          .isEqualTo(Math.rint(s.warmupSeconds()));
      assertThat(s.intervals()).filteredOn(Interval::warmup).allMatch(i -> i.t() <= s.warmupSeconds() + 1e-9);
      assertThat(s.total().requests()).as("the summary is the measured seconds").isEqualTo(measured).isPositive();
      assertThat(warm + measured).as("every answer the server gave, in one or the other")
          .isEqualTo(server.served("/slow"));
      assertThat(r.settings()).containsEntry("warmup", "20 requests");
    }
  }
}
