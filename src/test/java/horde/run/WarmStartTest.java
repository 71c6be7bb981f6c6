package horde.run;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.Scenarios;
import horde.TestServer;
import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.result.ResultReader;
import horde.result.RunResult;
import horde.scenario.LoadProfile;
import horde.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open model's warm start: a few of the scenario's own arrivals before the first measured one
 * (a cold JVM's first requests take a second or more, and the open model drops arrivals meanwhile),
 * sent to the real target, left out of every figure, and said in the result.
 */
class WarmStartTest {

  static RunResult run(Scenario s, EngineOptions options) throws Exception {
    return new TestRun(new Planner(Map.of()).plan(s), options, null).execute(p -> {});
  }

  static Scenario open(TestServer server) {
    // 50 arrivals a second for 2 s: exactly 100 measured arrivals (constant spacing), 10 users are plenty
    return Scenarios.get(server.url(), "/x", LoadProfile.Open.constant(50, Duration.ofSeconds(2), 10));
  }

  @Test
  void theWarmStartIsSentToTheTargetButNotCountedAndTheResultSaysSo() throws Exception {
    try (TestServer server = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      RunResult r = run(open(server), EngineOptions.DEFAULTS);
      long measured = r.stats().total().requests();
      assertThat(measured + r.stats().droppedIterations()).isEqualTo(100);
      assertThat(server.served("/x")).as("the target got the warm start too").isEqualTo(measured + EngineOptions.WARM_START);
      assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("warm start: 20 requests").contains("not counted"));
    }
  }

  @Test
  void withoutAWarmStartTheTargetGetsExactlyWhatIsCounted() throws Exception {
    try (TestServer server = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      RunResult r = run(open(server), EngineOptions.DEFAULTS.withWarmStart(0));
      assertThat(server.served("/x")).isEqualTo(r.stats().total().requests());
      assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("warm start"));
    }
  }

  /** A unique feeder gives each user its own row: the warm start's users must not take any. */
  @Test
  void aUniqueFeedersRowsAreLeftToTheMeasuredRun(@TempDir Path tmp) throws Exception {
    try (TestServer server = new TestServer().route("/login", ex -> TestServer.reply(ex, 200, "{}"))) {
      Files.writeString(tmp.resolve("accounts.csv"), "user\na1\na2\na3\na4\na5\n");
      Path file = Files.writeString(tmp.resolve("rows.yaml"), """
          target: %s
          feeders:
            accounts: {file: accounts.csv, order: unique}
          tasks:
            - get: /login?user=${accounts.user}
          load: {arrival_rate: 10/s, run_time: 1s, max_users: 5}
          """.formatted(server.url()));
      Path out = tmp.resolve("r.json");
      Cli cli = Cli.run("run", file.toString(), "-q", "--no-history", "--out", out.toString());
      RunResult r = ResultReader.read(out);
      assertThat(r.stats().total().failures()).as(cli.toString()).isZero();
      assertThat(server.served("/login")).isEqualTo(r.stats().total().requests()).isPositive();
      assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("no warm start: a feeder is read in unique order"));
    }
  }

  @Test
  void theClosedModelHasNone() throws Exception {
    try (TestServer server = new TestServer().route("/x", ex -> TestServer.reply(ex, 200, "{}"))) {
      RunResult r = run(Scenarios.get(server.url(), "/x", Scenarios.requests(30, 3)), EngineOptions.DEFAULTS);
      assertThat(server.served("/x")).isEqualTo(30).isEqualTo(r.stats().total().requests());
      assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("warm start"));
    }
  }

  @Test
  void aTargetThatNeverAnswersDelaysTheRunByTheWarmStartsGraceOnly() throws Exception {
    try (TestServer server = new TestServer().route("/x", ex -> Thread.sleep(60_000))) {
      long start = System.nanoTime();
      RunResult r = run(Scenarios.get(server.url(), "/x", LoadProfile.Open.constant(10, Duration.ofSeconds(1), 20)),
          EngineOptions.DEFAULTS.withGracefulStop(Duration.ofSeconds(1)));
      double seconds = (System.nanoTime() - start) / 1e9;
      // warm start: 0.2 s of arrivals + 2 s grace; the run: 1 s + 1 s graceful stop; plus the cut-offs
      assertThat(seconds).isLessThan(15);
      assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("warm start: 20 requests"));
      assertThat(r.stats().total().requests()).isZero();
    }
  }
}
