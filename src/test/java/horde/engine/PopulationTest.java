package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import horde.TestServer;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.scenario.LoadProfile;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.Task;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** User classes get their weight's share of the users, each with its own wait time. */
@Alone
class PopulationTest {
  /** Per class, per user id, when the server saw each request (nanoTime). */
  final Map<String, Map<String, List<Long>>> seen = new ConcurrentHashMap<>();

  static UserClass user(String name, int weight, Duration wait) {
    Request r = new Request("GET", "/" + name, null, Map.of("X-User", "${user_id}"), null, null, null, null, null, null, null);
    return new UserClass(name, weight, new WaitTime.Constant(wait), null, List.of(new Task(name, 1, List.of(r), null)), null, null);
  }

  TestServer.Route recording(String cls) {
    return ex -> {
      seen.computeIfAbsent(cls, k -> new ConcurrentHashMap<>())
          .computeIfAbsent(ex.getRequestHeaders().getFirst("X-User"), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(System.nanoTime());
      TestServer.reply(ex, 200, "{}");
    };
  }

  @Test
  void classesShareUsersByWeightAndWaitTheirOwnTime() throws Exception {
    try (TestServer server = new TestServer().route("/browse", recording("browse"))
        .route("/chat", recording("chat")).route("/create", recording("create"))) {
      Scenario s = Scenario.builder("weights", server.url())
          .users(List.of(user("browse", 60, Duration.ofMillis(300)), user("chat", 30, Duration.ofMillis(150)),
              user("create", 10, Duration.ofMillis(80))))
          .load(new LoadProfile.Closed(10, 1000, Duration.ofSeconds(2), null)).build();
      TestPlan plan = new Planner(Map.of()).plan(s);
      try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS)) {
        engine.start();
        engine.await();
      }
      assertThat(seen.get("browse")).hasSize(6);
      assertThat(seen.get("chat")).hasSize(3);
      assertThat(seen.get("create")).hasSize(1);
      assertThat(medianGapMillis("browse")).isBetween(300.0, 330.0);
      assertThat(medianGapMillis("chat")).isBetween(150.0, 180.0);
      assertThat(medianGapMillis("create")).isBetween(80.0, 110.0);
    }
  }

  /** As in Locust: the wait comes after each task, never before the first, whatever on_start holds. */
  @Test
  void theFirstTaskStartsAtOnceAndTheWaitFollowsIt() throws Exception {
    TestServer.Route ok = ex -> TestServer.reply(ex, 200, "{}");
    try (TestServer server = new TestServer().route("/login", ok).route("/plain", ok).route("/logged", ok)) {
      Duration wait = Duration.ofSeconds(5);
      UserClass plain = user("plain", 1, wait);
      UserClass logged = new UserClass("logged", 1, new WaitTime.Constant(wait), List.of(Request.of("POST", "/login")),
          List.of(new Task("logged", 1, List.of(Request.of("GET", "/logged")), null)), null, null);
      Scenario s = Scenario.builder("first task", server.url()).users(List.of(plain, logged))
          .load(new LoadProfile.Closed(4, 1000, Duration.ofSeconds(2), null)).build();
      TestPlan plan = new Planner(Map.of()).plan(s);
      try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS)) {
        engine.start();
        engine.await();
      }
      // two users of each class: one task each within the 2 s, then the 5 s wait
      assertThat(List.of(server.served("/plain"), server.served("/login"), server.served("/logged")))
          .containsExactly(2L, 2L, 2L);
    }
  }

  double medianGapMillis(String cls) {
    List<Double> gaps = new ArrayList<>();
    for (List<Long> times : seen.get(cls).values()) {
      for (int i = 1; i < times.size(); i++) gaps.add((times.get(i) - times.get(i - 1)) / 1e6);
    }
    gaps.sort(null);
    return gaps.get(gaps.size() / 2);
  }
}
