package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static horde.Eventually.until;

import horde.TestServer;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.scenario.LoadProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A running engine steered from outside, against a real server: the users and the rate follow, a pause holds. */
class SteeredEngineTest {
  static TestPlan plan(TestServer server, LoadProfile load) {
    return new Planner(Map.of()).plan(EngineTest.oneRequest(server.url(), "/ok", load));
  }

  static TestServer server() throws Exception {
    return new TestServer().route("/ok", ex -> {
      Thread.sleep(5);
      TestServer.reply(ex, 200, "{}");
    });
  }

  @Test
  void theUsersFollowANewTargetUpAndDown() throws Exception {
    try (TestServer server = server();
        Engine engine = new Engine(plan(server, new LoadProfile.Closed(2, 100, Duration.ofSeconds(8), null)),
            EngineOptions.DEFAULTS.withThreads(2))) {
      engine.start();
      until(Duration.ofSeconds(3), "engine.users() == 2", () -> engine.users() == 2);
      engine.loadControl().steer(12, 20);
      until(Duration.ofSeconds(3), "engine.users() == 12", () -> engine.users() == 12);
      until(Duration.ofSeconds(1), "the ramp's end", () -> engine.loadControl().current() == 12);
      engine.loadControl().steer(3, Double.POSITIVE_INFINITY);
      until(Duration.ofSeconds(3), "engine.users() == 3", () -> engine.users() == 3);
      engine.abort();
      engine.await();
    }
  }

  @Test
  void aPauseHoldsTheUsersAndTheRunWaitsForIt() throws Exception {
    try (TestServer server = server();
        Engine engine = new Engine(plan(server, new LoadProfile.Closed(20, 10, Duration.ofSeconds(2), null)),
            EngineOptions.DEFAULTS.withThreads(2))) {
      long start = System.nanoTime();
      engine.start();
      until(Duration.ofSeconds(2), "engine.users() >= 3", () -> engine.users() >= 3);
      engine.loadControl().pause();
      Thread.sleep(50);
      int held = engine.users();
      Thread.sleep(1500);
      assertThat(engine.users()).as("no user spawned while paused").isEqualTo(held);
      engine.loadControl().resume();
      EngineReport report = engine.await();
      assertThat(Duration.ofNanos(report.endNanos() - start)).as("2 s of shape and 1.5 s of pause")
          .isGreaterThan(Duration.ofMillis(3400));
      assertThat(report.aborted()).isFalse();
    }
  }

  @Test
  void theArrivalRateFollowsANewTarget() throws Exception {
    LoadProfile open = new LoadProfile.Open(10, List.of(new LoadProfile.RateStage(Duration.ofSeconds(4), 10)), 50,
        LoadProfile.Open.Arrivals.CONSTANT, Duration.ZERO);
    try (TestServer server = server(); Engine engine = new Engine(plan(server, open), EngineOptions.DEFAULTS.withThreads(2))) {
      engine.start();
      until(Duration.ofSeconds(3), "the first answer", () -> server.served("/ok") > 0);
      long before = served(server, Duration.ofSeconds(1));
      engine.loadControl().steer(100, Double.POSITIVE_INFINITY);
      Thread.sleep(200);
      long after = served(server, Duration.ofSeconds(1));
      engine.await();
      assertThat(before).as("10/s for a second").isBetween(6L, 14L);
      assertThat(after).as("100/s from then on").isBetween(70L, 115L);
      assertThat(engine.loadControl().current()).isEqualTo(100);
    }
  }

  static long served(TestServer server, Duration over) throws InterruptedException {
    long from = server.served("/ok");
    Thread.sleep(over.toMillis());
    return server.served("/ok") - from;
  }
}
