package horde.run;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.cli.ExitCode;
import horde.criteria.Verdict;
import horde.result.ResultReader;
import horde.result.RunResult;
import horde.result.SearchSummary;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capacity search against the simulator, whose capacity model gives the knee: 4 generation slots of
 * 200 ms each hold at most 4 requests at once (with no queue, a fifth is refused with 429) and
 * answer at most 4 / 0.2 s = 20 requests a second. The search must find that knee, for users and for
 * rate, and stop a step that is clearly past it instead of running every level to the end.
 */
class CapacitySearchTest {
  static final String TASK = """
      target: %s
      tasks:
        - post: /v1/chat/completions
          json: {model: m, messages: [{role: user, content: hi}], max_tokens: 1}
      """;

  @TempDir Path tmp;

  private static SimulatorOptions slots(int queue) {
    return SimulatorOptions.builder().capacity(4).queue(queue).timeToFirstToken(Duration.ofMillis(200)).outputTokens(1)
        .outputTokensSpread(0).build();
  }

  private RunResult run(String yaml, int exit, String... flags) throws Exception {
    Path file = Files.writeString(tmp.resolve("s" + System.nanoTime() + ".yaml"), yaml);
    Path out = tmp.resolve("r" + System.nanoTime() + ".json");
    String[] args = new String[] {"run", file.toString(), "-q", "--out", out.toString()};
    if (flags.length > 0) {
      String[] more = new String[args.length + flags.length];
      System.arraycopy(args, 0, more, 0, args.length);
      System.arraycopy(flags, 0, more, args.length, flags.length);
      args = more;
    }
    Cli cli = Cli.run(args);
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(exit);
    return ResultReader.read(out);
  }

  @Test
  void findsTheUsersTheSlotsHoldAndStopsStepsPastIt() throws Exception {
    try (Simulator sim = Simulator.start(slots(0))) {
      String yaml = TASK.formatted(sim.baseUrl()) + """
          load:
            search: {users: 1..32, step: 5s, warmup: 1s}
          thresholds: [error_rate < 1%]
          """;
      SearchSummary s = run(yaml, ExitCode.PASS).search();
      assertThat(s.knee()).as(s.toString()).isEqualTo(4);
      assertThat(s.firstFailed()).isEqualTo("error_rate < 1%");
      assertThat(s.verdict()).isEqualTo(Verdict.PASS);
      // the ladder 1, 2, 4, 8, then bisection 6, 5: never 16 or 32
      assertThat(s.steps()).extracting(SearchSummary.Step::level).containsExactly(1.0, 2.0, 4.0, 8.0, 6.0, 5.0);
      for (SearchSummary.Step step : s.curve()) {
        assertThat(step.passed()).as("%s", step).isEqualTo(step.level() <= 4);
        // 4 s measured when run to the end; a step past the knee ends once 2 s show it
        if (!step.passed()) assertThat(step.stoppedEarly() && step.seconds() < 3.6).as("%s", step).isTrue();
        else assertThat(step.seconds()).as("%s", step).isGreaterThan(3.6);
      }
      // at the knee the slots are full: 4 users each waiting 200 ms answer about 20 a second
      SearchSummary.Step knee = s.curve().get(2);
      assertThat(knee.rps()).isBetween(14.0, 20.5);
      assertThat(knee.errorRate()).isZero();
    }
  }

  @Test
  void findsTheRateTheSlotsAnswerWithinOneStep() throws Exception {
    // a queue of 8 absorbs the bursts of a busy generator; past 20/s the excess is refused
    try (Simulator sim = Simulator.start(slots(8))) {
      String yaml = TASK.formatted(sim.baseUrl()) + "thresholds: [error_rate < 2%]\n";
      RunResult r = run(yaml, ExitCode.PASS, "--search", "rate=4/s..64/s,step=5s,warmup=1s,at_least=10/s");
      SearchSummary s = r.search();
      // bisection ends when the first failing level is within 10% of the knee: one step of the search
      assertThat(s.knee()).as(s.toString()).isBetween(20 / 1.1 / 1.1, 20.0);
      double lowestFail = s.steps().stream().filter(x -> !x.passed()).mapToDouble(SearchSummary.Step::level).min()
          .orElseThrow();
      assertThat(lowestFail).isGreaterThan(s.knee()).isLessThanOrEqualTo(s.knee() * 1.1 + 0.01);
      assertThat(s.steps()).extracting(SearchSummary.Step::level).doesNotContain(64.0);
      SearchSummary.Step at32 = s.steps().stream().filter(x -> x.level() == 32).findFirst().orElseThrow();
      assertThat(at32.stoppedEarly()).isTrue();
      assertThat(at32.errorRate()).as("about 12 of every 32 refused").isGreaterThan(20);
    }
  }

  @Test
  void aKneeBelowTheOneRequiredFailsTheRun() throws Exception {
    try (Simulator sim = Simulator.start(slots(0))) {
      String yaml = TASK.formatted(sim.baseUrl()) + "thresholds: [error_rate < 1%]\n";
      String db = tmp.resolve("history.db").toString();
      SearchSummary s = run(yaml, ExitCode.CRITERIA_FAILED, "--search", "users=2..8,step=3s,warmup=1s,at_least=6", "--db", db)
          .search();
      assertThat(s.knee()).isEqualTo(4);
      assertThat(s.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(s.conclusion()).contains("knee at 4 users", "below the 6 users required");
      // the history keeps it as a search: the ladder 2, 4, 8, then bisection 6, 5
      Cli runs = Cli.run("runs", "--db", db);
      assertThat(runs.out()).as(runs.toString()).contains("SEARCH", "knee 4 users (5 users failed), 5 steps");
    }
  }
}
