package horde.run;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Eventually;
import horde.TestServer;
import horde.engine.EngineOptions;
import horde.Scenarios;
import horde.plan.Planner;
import horde.result.RunResult;
import horde.scenario.LoadProfile;
import horde.stats.Interval;
import horde.stats.RunStats;
import horde.scenario.Measures;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Resetting the statistics of a running test: the result is measured from the next second on, and says so. */
class StatsResetTest {
  @Test
  void theMeasuredWindowStartsAtTheResetAndTheSecondsBeforeItStayInTheTimeline() throws Exception {
    try (TestServer server = new TestServer().route("/ok", ex -> TestServer.reply(ex, 200, "{}"))) {
      TestRun run = new TestRun(new Planner(Map.of()).plan(Scenarios.get(server.url(), "/ok",
          new LoadProfile.Closed(2, 100, Duration.ofSeconds(4), null))), EngineOptions.DEFAULTS.withThreads(1), null);
      CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> {
        try {
          return run.execute(p -> {});
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Eventually.until(Duration.ofSeconds(5), "two seconds measured", () -> run.soFar() != null && run.soFar().runSeconds() >= 2);
      RunStats before = run.soFar();
      assertThat(before.total().requests()).isPositive();
      run.resetStats();
      RunResult r = result.get();
      RunStats s = r.stats();
      double mark = s.warmupSeconds();
      assertThat(mark).as("the reset's second").isBetween(2.0, 3.0);
      assertThat(s.measuredSeconds()).isCloseTo(s.runSeconds() - mark, org.assertj.core.data.Offset.offset(0.01));
      long after = 0, all = 0;
      for (Interval i : s.intervals()) {
        long n = i.slices().stream().mapToLong(x -> x.counter(Measures.REQUESTS)).sum();
        all += n;
        if (!i.warmup()) after += n;
        assertThat(i.warmup()).as("second ending at %s", i.t()).isEqualTo(i.t() <= mark + 1e-9);
      }
      assertThat(s.total().requests()).as("the sum of the seconds after the reset").isEqualTo(after).isLessThan(all);
      assertThat(s.timeline()).hasSameSizeAs(s.intervals());
      assertThat(s.timeline().stream().filter(p -> !p.warmup()).count())
          .isEqualTo(s.intervals().stream().filter(i -> !i.warmup()).count());
      assertThat(r.notes()).anyMatch(n -> n.startsWith("statistics reset after 2s"));
    }
  }
}
