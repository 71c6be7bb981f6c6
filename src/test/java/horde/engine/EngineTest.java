package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import horde.TestServer;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
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

@Alone
class EngineTest {
  static Scenario oneRequest(String target, String path, LoadProfile load) {
    Task task = new Task("t", 1, List.of(Request.of("GET", path)), null);
    UserClass user = new UserClass("u", 1, WaitTime.NONE, null, List.of(task), null, null);
    return Scenario.builder("test", target).users(List.of(user)).load(load).build();
  }

  @Test
  void countsEveryRequestTheServerServed() throws Exception {
    try (TestServer server = new TestServer().route("/ok", ex -> TestServer.reply(ex, 200, "{\"ok\":true}"))) {
      TestPlan plan = new Planner(Map.of()).plan(oneRequest(server.url(), "/ok",
          new LoadProfile.FixedCount(500, 10, Duration.ofSeconds(30), null)));
      IntervalSnapshot recorded;
      try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS)) {
        engine.start();
        EngineReport report = engine.await();
        assertThat(report.cancelledInFlight()).isZero();
        recorded = engine.recorded();
      }
      assertThat(recorded.counter(0, Measures.REQUESTS)).isEqualTo(500);
      assertThat(recorded.counter(0, Measures.FAILURES)).isZero();
      assertThat(recorded.statusCount(0, 200)).isEqualTo(500);
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
      IntervalSnapshot recorded;
      try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS)) {
        engine.start();
        engine.await();
        recorded = engine.recorded();
      }
      Histogram h = recorded.histogramFor(0, Measures.LATENCY);
      assertThat(h.getTotalCount()).isEqualTo(100);
      // the JDK's server adds its own overhead; NginxTruthTest holds the tight bound
      assertThat(LatencySummary.of(h).p50()).isBetween(50.0, 65.0);
    }
  }
}
