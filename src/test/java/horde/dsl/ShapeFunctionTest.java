package horde.dsl;

import static horde.dsl.Dsl.get;
import static horde.dsl.Dsl.rateShape;
import static horde.dsl.Dsl.scenario;
import static horde.dsl.Dsl.task;
import static horde.dsl.Dsl.user;
import static horde.dsl.Dsl.userShape;
import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import horde.Horde;
import horde.TestServer;
import horde.result.RunResult;
import horde.scenario.Scenario;
import horde.stats.TimelinePoint;
import org.junit.jupiter.api.Test;

/** Load shapes given as functions of time, from Java, run for real. */
@Alone
class ShapeFunctionTest {
  static TestServer.Route slow = ex -> {
    Thread.sleep(20);
    TestServer.reply(ex, 200, "{}");
  };

  @Test
  void usersFollowTheFunction() throws Exception {
    try (TestServer server = new TestServer().route("/x", slow)) {
      Scenario s = scenario("shape").target(server.url())
          .user(user("u").task(task("t").step(get("/x"))))
          .load(userShape("3s", t -> t.toMillis() < 1500 ? 2 : 6))
          .build();
      RunResult r = Horde.run(s);
      var users = r.stats().timeline().stream().mapToInt(TimelinePoint::users).toArray();
      assertThat(users[0]).isEqualTo(2);
      assertThat(users[1]).isEqualTo(6);
      assertThat(r.stats().total().failures()).isZero();
    }
  }

  @Test
  void arrivalsFollowTheRateFunction() throws Exception {
    try (TestServer server = new TestServer().route("/x", slow)) {
      Scenario s = scenario("rate").target(server.url())
          .user(user("u").task(task("t").step(get("/x"))))
          .load(rateShape("2s", t -> t.toMillis() < 1000 ? 10 : 30).maxUsers(20))
          .build();
      RunResult r = Horde.run(s);
      assertThat(r.stats().total().requests()).isBetween(38L, 40L);
      assertThat(r.stats().droppedIterations()).isZero();
      // the open model's warm start goes to the target too, before the first arrival, and is not counted
      assertThat(server.served("/x")).isEqualTo(r.stats().total().requests() + horde.engine.EngineOptions.WARM_START);
    }
  }
}
