package horde.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.TestServer;
import horde.criteria.Verdict;
import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.result.PhaseResult;
import horde.result.ResultJson;
import horde.result.ResultReader;
import horde.result.RunResult;
import horde.scenario.Extract;
import horde.scenario.Grade;
import horde.scenario.LoadProfile;
import horde.scenario.Phase;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.SourcePosition;
import horde.scenario.Step;
import horde.scenario.Task;
import horde.scenario.Threshold;
import horde.scenario.ThresholdParser;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhasesAndSetupTest {
  @TempDir Path tmp;

  static RunResult run(Scenario s) throws Exception {
    return new TestRun(new Planner(Map.of()).plan(s), EngineOptions.DEFAULTS, null).execute(p -> {});
  }

  static Scenario scenario(String url, List<Step> setup, List<Step> teardown, LoadProfile load, List<Phase> phases,
      List<Threshold> thresholds, Request work) {
    UserClass user = new UserClass("u", 1, WaitTime.NONE, null, List.of(new Task("work", 1, List.of(work), null)), null, null);
    return Scenario.builder("s", url).users(List.of(user)).setup(setup).teardown(teardown).load(load)
        .thresholds(thresholds).phases(phases).build();
  }

  static Threshold t(String expr) {
    return ThresholdParser.parse(expr, null, Threshold.Level.FAIL, SourcePosition.UNKNOWN);
  }

  @Test
  void setupLogsInOnceAndEveryUserCarriesTheToken() throws Exception {
    try (TestServer server = new TestServer()
        .route("/login", ex -> TestServer.reply(ex, 200, "{\"token\":\"t0k3n\"}"))
        .route("/logout", ex -> TestServer.reply(ex, 200, "{}"))
        .route("/work", ex -> TestServer.reply(ex, "Bearer t0k3n".equals(ex.getRequestHeaders().getFirst("Authorization")) ? 200 : 401, "{}"))) {
      Request login = new Request("POST", "/login", null, null, null, null, null, null, null,
          List.of(new Extract("token", Extract.Source.JSON, "$.token", null)), null);
      Request work = new Request("GET", "/work", null, Map.of("Authorization", "Bearer ${token}"), null, null, null, null, null, null, null);
      RunResult r = run(scenario(server.url(), List.of(login), List.of(Request.of("POST", "/logout")),
          new LoadProfile.FixedCount(50, 5, null, null), List.of(), List.of(), work));
      assertThat(server.served("/login")).isEqualTo(1);
      assertThat(server.served("/logout")).isEqualTo(1);
      assertThat(r.stats().total().requests()).isEqualTo(50); // setup and teardown are not measured
      assertThat(r.stats().total().failures()).isZero();
      assertThat(r.notes()).isEmpty();
    }
  }

  @Test
  void aFailedSetupStopsTheTestBeforeAnyLoad() throws Exception {
    try (TestServer server = new TestServer()
        .route("/login", ex -> TestServer.reply(ex, 500, "{\"error\":\"db down\"}"))
        .route("/work", ex -> TestServer.reply(ex, 200, "{}"))) {
      Scenario s = scenario(server.url(), List.of(Request.of("POST", "/login")), List.of(),
          new LoadProfile.FixedCount(10, 1, null, null), List.of(), List.of(), Request.of("GET", "/work"));
      assertThatThrownBy(() -> run(s)).isInstanceOf(SetupFailedException.class)
          .hasMessageContaining("POST /login").hasMessageContaining("HTTP 500").hasMessageContaining("db down");
      assertThat(server.served("/work")).isZero();
    }
  }

  @Test
  void phasesRunInOrderEachJudgedAndGradedThenTogether() throws Exception {
    try (TestServer server = new TestServer().route("/x", ex -> {
      Thread.sleep(20);
      TestServer.reply(ex, 200, "{}");
    })) {
      List<Grade> grades = List.of(new Grade("EXCELLENT", t("avg < 10ms")), new Grade("GOOD", t("avg < 100ms")), Grade.otherwise("POOR"));
      List<Phase> ladder = List.of(
          new Phase("1 user", new LoadProfile.Closed(1, 1, Duration.ofSeconds(1), null), List.of(t("error_rate < 1%")), grades, null),
          new Phase("4 users", new LoadProfile.Closed(4, 100, Duration.ofSeconds(1), null), List.of(t("rps > 1000")), grades, null));
      RunResult r = run(scenario(server.url(), List.of(), List.of(), null, ladder, List.of(t("requests > 10")), Request.of("GET", "/x")));
      assertThat(r.phases()).extracting(PhaseResult::name).containsExactly("1 user", "4 users");
      assertThat(r.phases()).extracting(PhaseResult::grade).containsExactly("GOOD", "GOOD");
      assertThat(r.phases()).extracting(PhaseResult::verdict).containsExactly(Verdict.PASS, Verdict.FAIL);
      PhaseResult one = r.phases().get(0), four = r.phases().get(1);
      assertThat(four.stats().rps()).isGreaterThan(2.5 * one.stats().rps());
      assertThat(r.stats().total().requests()).isEqualTo(one.stats().total().requests() + four.stats().total().requests());
      assertThat(r.stats().total().latency().getTotalCount()).isEqualTo(r.stats().total().requests());
      assertThat(four.startSeconds()).isEqualTo(one.stats().runSeconds());
      assertThat(r.stats().timeline().get(r.stats().timeline().size() - 1).t()).isGreaterThan(2.0);
      assertThat(r.criteria()).singleElement().matches(c -> c.passed());
      assertThat(r.verdict()).isEqualTo(Verdict.FAIL);

      Path file = tmp.resolve("r.json");
      ResultJson.write(r, file);
      RunResult back = ResultReader.read(file);
      assertThat(ResultJson.toJson(back).toString()).isEqualTo(ResultJson.toJson(r).toString());
    }
  }
}
