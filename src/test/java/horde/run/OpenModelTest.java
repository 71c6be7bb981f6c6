package horde.run;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import horde.Scenarios;
import horde.TestServer;
import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.result.RunResult;
import horde.scenario.LoadProfile;
import horde.scenario.Scenario;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.TimelinePoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The open model measures from the intended start, so a stall shows; and it counts what it drops. */
@Alone
class OpenModelTest {

  static RunResult run(Scenario s) throws Exception {
    return new TestRun(new Planner(java.util.Map.of()).plan(s), EngineOptions.DEFAULTS, null).execute(p -> {});
  }

  /** Answers at once, except once, 1 s into the test, when it freezes for a second. */
  static final class FreezingRoute implements TestServer.Route {
    final long start = System.nanoTime();
    volatile long freezeEnd;

    @Override
    public void handle(com.sun.net.httpserver.HttpExchange ex) throws Exception {
      long now = System.nanoTime();
      synchronized (this) {
        if (freezeEnd == 0 && now - start > 1_000_000_000L) freezeEnd = now + 1_000_000_000L;
      }
      if (now < freezeEnd) Thread.sleep((freezeEnd - now) / 1_000_000);
      TestServer.reply(ex, 200, "{}");
    }
  }

  @Test
  void aStallShowsInTheOpenModelsP99ButHidesInTheClosedModels() throws Exception {
    LatencySummary open;
    LatencySummary openUncorrected;
    try (TestServer server = new TestServer().route("/x", new FreezingRoute())) {
      RunResult r = run(Scenarios.get(server.url(), "/x", LoadProfile.Open.constant(100, Duration.ofSeconds(4), 500)));
      EndpointStats x = r.stats().endpoints().get(0);
      open = x.summary();
      openUncorrected = LatencySummary.of(x.uncorrected());
      assertThat(x.requests()).isBetween(390L, 401L);
      assertThat(r.stats().droppedIterations()).isZero();
    }
    LatencySummary closed;
    try (TestServer server = new TestServer().route("/x", new FreezingRoute())) {
      RunResult r = run(Scenarios.get(server.url(), "/x", new LoadProfile.Closed(1, 1, Duration.ofSeconds(4), null)));
      closed = r.stats().endpoints().get(0).summary();
    }
    assertThat(open.p99()).isGreaterThan(900); // a quarter of the arrivals met the frozen server
    assertThat(open.p95()).isGreaterThan(700);
    assertThat(closed.max()).isGreaterThan(900); // the one request that waited
    assertThat(closed.p99()).isLessThan(100); // ... is one sample among thousands
    assertThat(openUncorrected.p99()).isGreaterThan(900); // requests went out on time, so both agree
  }

  @Test
  void arrivalsThatFindNoFreeUserAreDroppedAndCounted() throws Exception {
    try (TestServer server = new TestServer().route("/slow", ex -> {
      Thread.sleep(100);
      TestServer.reply(ex, 200, "{}");
    })) {
      // 5 users can finish 50 iterations/s; 100/s arrive
      RunResult r = run(Scenarios.get(server.url(), "/slow", LoadProfile.Open.constant(100, Duration.ofSeconds(3), 5)));
      long requests = r.stats().total().requests();
      long dropped = r.stats().droppedIterations();
      assertThat(requests + dropped).isBetween(295L, 301L);
      assertThat(dropped).isBetween(110L, 200L); // each user needs a bit over 100 ms per iteration
      assertThat(r.stats().timeline().stream().mapToLong(TimelinePoint::dropped).sum()).isEqualTo(dropped);
      assertThat(r.stats().timeline().stream().mapToInt(TimelinePoint::users).max().orElse(0)).isLessThanOrEqualTo(5);
    }
  }
}
