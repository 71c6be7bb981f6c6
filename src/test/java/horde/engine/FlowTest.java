package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import horde.Scenarios;
import horde.TestServer;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import horde.scenario.Branch;
import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.FeederSpec;
import horde.scenario.Group;
import horde.scenario.JsonExpectation;
import horde.scenario.Loop;
import horde.scenario.Poll;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.Step;
import horde.stats.LatencySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Groups, polls, loops and branches against a real server with known timing. */
@Alone
class FlowTest {
  @TempDir Path tmp;

  record Ran(TestPlan plan, IntervalSnapshot recorder) {
    int id(String method, String name) {
      return plan.endpoints().stream().filter(e -> e.method().equals(method) && e.name().equals(name)).findFirst().orElseThrow().id();
    }

    long requests(String method, String name) {
      return recorder.counter(id(method, name), Measures.REQUESTS);
    }

    long failures(String method, String name, String reason) {
      int id = plan.reasons().find(reason);
      return id < 0 ? 0 : recorder.reasonCount(id(method, name), id);
    }

    LatencySummary latency(String method, String name) {
      Histogram h = recorder.histogramFor(id(method, name), Measures.LATENCY);
      return LatencySummary.of(h);
    }
  }

  static Ran run(Scenario s) throws Exception {
    TestPlan plan = new Planner(Map.of()).plan(s);
    IntervalSnapshot rec;
    try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS)) {
      engine.start();
      engine.await();
      rec = engine.recorded();
    }
    return new Ran(plan, rec);
  }

  static TestServer.Route sleeping(long ms, String body) {
    return ex -> {
      Thread.sleep(ms);
      TestServer.reply(ex, 200, body);
    };
  }

  @Test
  void aGroupIsTimedEndToEndAndKeptOutOfTheRequests() throws Exception {
    try (TestServer server = new TestServer().route("/a", sleeping(30, "{}")).route("/b", sleeping(20, "{}"))) {
      Step group = new Group("checkout", List.of(Request.of("GET", "/a"), Step.Think.of(Duration.ofMillis(50)), Request.of("GET", "/b")), null);
      // one user: the budget of 20 requests ends between two groups (two users could share the last group's)
      Ran r = run(Scenarios.steps(server.url(), Scenarios.requests(20, 1), group));
      assertThat(r.requests("GET", "/a") + r.requests("GET", "/b")).isEqualTo(20);
      assertThat(r.requests("GROUP", "checkout")).isEqualTo(10);
      double sum = r.latency("GET", "/a").p50() + 50 + r.latency("GET", "/b").p50();
      assertThat(r.latency("GROUP", "checkout").p50()).isBetween(sum - 2, sum + 20);
    }
  }

  @Test
  void aPollRepeatsUntilTheJobIsDoneAndTheGroupTimesTheWorkflow() throws Exception {
    Map<String, Long> created = new ConcurrentHashMap<>();
    AtomicInteger ids = new AtomicInteger();
    try (TestServer server = new TestServer()
        .route("/jobs/", ex -> {
          String id = ex.getRequestURI().getPath().substring("/jobs/".length());
          boolean done = System.nanoTime() - created.get(id) > 250_000_000L;
          TestServer.reply(ex, 200, "{\"status\":\"" + (done ? "completed" : "running") + "\"}");
        })
        .route("/submit", ex -> {
          String id = "j" + ids.incrementAndGet();
          created.put(id, System.nanoTime());
          TestServer.reply(ex, 202, "{\"job_id\":\"" + id + "\"}");
        })) {
      Request submit = new Request("POST", "/submit", null, null, null, null, null, null, null,
          List.of(new Extract("job", Extract.Source.JSON, "$.job_id", null)), null);
      Request status = new Request("GET", "/jobs/${job}", "/jobs/[id]", null, null, null, null,
          List.of(new Check.JsonField("$.status", new JsonExpectation.EqualTo("completed"))), null, null, null);
      Poll poll = new Poll(status, List.of(new Check.JsonField("$.status", new JsonExpectation.OneOf(List.of("completed", "failed")))),
          Duration.ofMillis(100), Duration.ofSeconds(5), null);
      Ran r = run(Scenarios.steps(server.url(), new horde.scenario.LoadProfile.Closed(3, 100, Duration.ofMillis(1500), null),
          new Group("job workflow", List.of(submit, poll), null)));
      // each workflow is 1 submit + 4 polls (at 0, 100, 200 and 300 ms; the job is done after 250 ms)
      long workflows = r.requests("GROUP", "job workflow");
      assertThat(workflows).isBetween(9L, 15L);
      assertThat(r.requests("GET", "/jobs/[id]")).isBetween(4 * workflows, 4 * workflows + 12);
      assertThat(r.latency("GROUP", "job workflow").p50()).isBetween(300.0, 360.0);
      assertThat(r.recorder.counter(r.id("GET", "/jobs/[id]"), Measures.FAILURES)).isZero();
    }
  }

  @Test
  void aPollThatRunsOutOfTimeFailsItsLastAttempt() throws Exception {
    try (TestServer server = new TestServer().route("/job", ex -> TestServer.reply(ex, 200, "{\"status\":\"running\"}"))) {
      Poll poll = new Poll(Request.of("GET", "/job"), List.of(new Check.JsonField("$.status", new JsonExpectation.EqualTo("completed"))),
          Duration.ofMillis(100), Duration.ofMillis(450), null);
      Ran r = run(Scenarios.steps(server.url(), Scenarios.requests(5, 1), poll));
      assertThat(r.requests("GET", "/job")).isEqualTo(5); // at 0, 100, 200, 300, 400 ms
      assertThat(r.failures("GET", "/job", "poll timeout")).isEqualTo(1);
      assertThat(r.recorder.counter(r.id("GET", "/job"), Measures.FAILURES)).isEqualTo(1);
    }
  }

  @Test
  void loopsRepeatAndWalkAFeedersRowsInOrder() throws Exception {
    Path turns = tmp.resolve("turns.csv");
    Files.writeString(turns, "text\nhello\nhow are you\nbye\n");
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    try (TestServer server = new TestServer().route("/say", ex -> {
      seen.merge(ex.getRequestURI().getRawQuery(), 1, Integer::sum);
      TestServer.reply(ex, 200, "{}");
    })) {
      Request say = new Request("GET", "/say", null, null, Map.of("t", "${turns.text}"), null, null, null, null, null, null);
      Loop overRows = new Loop(0, "turns", List.of(say), null);
      Loop twice = new Loop(2, null, List.of(overRows), null);
      Scenario s = Scenarios.steps(server.url(), Scenarios.requests(6, 1), twice);
      s = s.toBuilder()
          .feeders(Map.of("turns", new FeederSpec("turns", turns.toString(), FeederSpec.Order.SEQUENTIAL, null, null)))
          .build();
      run(s);
      assertThat(seen).containsOnly(Map.entry("t=hello", 2), Map.entry("t=how%20are%20you", 2), Map.entry("t=bye", 2));
    }
  }

  @Test
  void aBranchFollowsAVariable() throws Exception {
    try (TestServer server = new TestServer()
        .route("/role", ex -> TestServer.reply(ex, 200, "{\"role\":\"admin\"}"))
        .route("/admin", ex -> TestServer.reply(ex, 200, "{}"))
        .route("/guest", ex -> TestServer.reply(ex, 200, "{}"))) {
      Request role = new Request("GET", "/role", null, null, null, null, null, null, null,
          List.of(new Extract("role", Extract.Source.JSON, "$.role", null)), null);
      Branch branch = new Branch(new Branch.Condition("role", Branch.Condition.Test.EQUALS, List.of("admin")),
          List.of(Request.of("GET", "/admin")), List.of(Request.of("GET", "/guest")), null);
      run(Scenarios.steps(server.url(), Scenarios.requests(10, 1), role, branch));
      assertThat(server.served("/admin")).isEqualTo(5);
      assertThat(server.served("/guest")).isZero();
    }
  }
}
