package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.TestServer;
import horde.plan.FailureReasons;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.MetricRecorder;
import horde.scenario.LoadProfile;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.Task;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import horde.stats.LatencySummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class EngineTest {
  static Scenario oneRequest(String target, String path, LoadProfile load) {
    Task task = new Task("t", 1, List.of(Request.of("GET", path)), null);
    UserClass user = new UserClass("u", 1, WaitTime.NONE, null, List.of(task), null, null);
    return new Scenario("test", target, null, null, null, null, null, List.of(user), load, null, null);
  }

  @Test
  void countsEveryRequestTheServerServed() throws Exception {
    try (TestServer server = new TestServer().route("/ok", ex -> TestServer.reply(ex, 200, "{\"ok\":true}"))) {
      TestPlan plan = new Planner(Map.of()).plan(oneRequest(server.url(), "/ok",
          new LoadProfile.FixedCount(500, 10, Duration.ofSeconds(30), null)));
      MetricRecorder recorder = new MetricRecorder(plan.endpoints().size(), FailureReasons.CAPACITY);
      try (Engine engine = new Engine(plan, recorder, EngineOptions.DEFAULTS)) {
        engine.start();
        EngineReport report = engine.await();
        assertThat(report.cancelledInFlight()).isZero();
      }
      assertThat(recorder.count(0, MetricRecorder.REQUESTS)).isEqualTo(500);
      assertThat(recorder.count(0, MetricRecorder.FAILURES)).isZero();
      assertThat(server.served("/ok")).isEqualTo(500);
    }
  }

  @Test
  void measuresAKnownDelay() throws Exception {
    try (TestServer server = new TestServer().route("/slow", ex -> {
      Thread.sleep(50);
      TestServer.reply(ex, 200, "{}");
    })) {
      TestPlan plan = new Planner(Map.of()).plan(oneRequest(server.url(), "/slow",
          new LoadProfile.FixedCount(100, 5, Duration.ofSeconds(30), null)));
      MetricRecorder recorder = new MetricRecorder(plan.endpoints().size(), FailureReasons.CAPACITY);
      try (Engine engine = new Engine(plan, recorder, EngineOptions.DEFAULTS)) {
        engine.start();
        engine.await();
      }
      Histogram h = recorder.intervalHistogram(0, null);
      assertThat(h.getTotalCount()).isEqualTo(100);
      // the JDK's server adds its own overhead; NginxTruthTest holds the tight bound
      assertThat(LatencySummary.of(h).p50()).isBetween(50.0, 65.0);
    }
  }
}
