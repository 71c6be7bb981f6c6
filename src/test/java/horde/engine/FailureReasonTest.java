package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.RawServer;
import horde.Scenarios;
import horde.TestServer;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.HttpSettings;
import horde.scenario.JsonExpectation;
import horde.scenario.Request;
import horde.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every way a request fails is counted under its own reason, and the run goes on. */
class FailureReasonTest {

  static Map<String, Long> run(Scenario scenario) throws Exception {
    TestPlan plan = new Planner(Map.of()).plan(scenario);
    IntervalSnapshot recorder;
    try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS.withGracefulStop(Duration.ofSeconds(2)))) {
      engine.start();
      engine.await();
      recorder = engine.recorded();
    }
    Map<String, Long> out = new java.util.TreeMap<>();
    for (int e = 0; e < plan.endpoints().size(); e++) {
      for (int r = 0; r < plan.reasons().size(); r++) {
        long n = recorder.reasonCount(e, r);
        if (n > 0) out.merge(plan.reasons().name(r), n, Long::sum);
      }
      out.merge("requests", recorder.counter(e, Measures.REQUESTS), Long::sum);
    }
    return out;
  }

  @Test
  void connectionRefused() throws Exception {
    int port = horde.Ports.free(); // nothing listens there
    assertThat(run(Scenarios.get("http://127.0.0.1:" + port, "/x", Scenarios.requests(20, 2))))
        .containsEntry("connection refused", 20L).containsEntry("requests", 20L);
  }

  @Test
  void connectionReset() throws Exception {
    try (RawServer server = new RawServer(RawServer.RESET)) {
      assertThat(run(Scenarios.get(server.url(), "/x", Scenarios.requests(20, 2)))).containsEntry("connection reset", 20L);
    }
  }

  @Test
  void connectionClosedWithoutAnswer() throws Exception {
    try (RawServer server = new RawServer(RawServer.CLOSE)) {
      assertThat(run(Scenarios.get(server.url(), "/x", Scenarios.requests(20, 2)))).containsEntry("connection closed", 20L);
    }
  }

  @Test
  void garbageIsABadResponse() throws Exception {
    try (RawServer server = new RawServer(RawServer.GARBAGE)) {
      assertThat(run(Scenarios.get(server.url(), "/x", Scenarios.requests(20, 2)))).containsEntry("bad response", 20L);
    }
  }

  /** A body that a check needs whole is kept up to http.max_body; past it the request fails, never a silent cut. */
  @Test
  void aBodyPastTheLimitIsTooLarge() throws Exception {
    byte[] big = new byte[20 << 20];
    java.util.Arrays.fill(big, (byte) 'a');
    System.arraycopy("needle".getBytes(), 0, big, big.length - 6, 6);
    try (TestServer server = new TestServer()
        .route("/big", ex -> {
          ex.sendResponseHeaders(200, big.length);
          ex.getResponseBody().write(big);
        })
        .route("/chunked", ex -> { // no Content-Length: found too large as it arrives
          ex.sendResponseHeaders(200, 0);
          ex.getResponseBody().write(big);
        })
        .route("/small", ex -> TestServer.reply(ex, 200, "{\"needle\":1}"))) {
      List<Check> needle = List.of(new Check.BodyContains("needle"));
      Request bigOne = new Request("GET", "/big", null, null, null, null, null, needle, null, null, null);
      Request chunked = new Request("GET", "/chunked", null, null, null, null, null, needle, null, null, null);
      Request smallOne = new Request("GET", "/small", null, null, null, null, null, needle, null, null, null);
      Scenario s = Scenarios.steps(server.url(), Scenarios.requests(12, 2), bigOne, chunked, smallOne);
      s = s.toBuilder().http(new HttpSettings(0, Duration.ofSeconds(5), false, 5, true, 1 << 20)).build();
      Map<String, Long> reasons = run(s);
      assertThat(reasons).containsEntry("requests", 12L)
          .containsEntry("body too large", server.served("/big") + server.served("/chunked")).hasSize(2);
      assertThat(server.served("/chunked")).isPositive();
      assertThat(server.served("/small")).isPositive(); // and those passed their check
    }
  }

  @Test
  void timeout() throws Exception {
    try (TestServer server = new TestServer().route("/stall", ex -> {
      Thread.sleep(3000);
      TestServer.reply(ex, 200, "{}");
    })) {
      Request r = new Request("GET", "/stall", null, null, null, null, Duration.ofMillis(200), null, null, null, null);
      assertThat(run(Scenarios.steps(server.url(), Scenarios.requests(4, 2), r))).containsEntry("timeout", 4L);
    }
  }

  @Test
  void httpStatusesChecksSavesAndTemplates() throws Exception {
    try (TestServer server = new TestServer()
        .route("/err", ex -> TestServer.reply(ex, 503, "{\"error\":\"overloaded\"}"))
        .route("/limited", ex -> TestServer.reply(ex, 429, "{}"))
        .route("/json", ex -> TestServer.reply(ex, 200, "{\"answer\":null,\"id\":7}"))) {
      Request err = Request.of("GET", "/err");
      Request expected429 = new Request("GET", "/limited", null, null, null, null, null, null, Set.of(429), null, null);
      Request check = new Request("GET", "/json", "checked", null, null, null, null,
          List.of(new Check.JsonField("$.missing", new JsonExpectation.Present())), null, null, null);
      Request save = new Request("GET", "/json", "saved", null, null, null, null, null, null,
          List.of(new Extract("token", Extract.Source.JSON, "$.token", null)), null);
      Request template = Request.of("GET", "/json?t=${token}");
      Map<String, Long> reasons = run(Scenarios.steps(server.url(), Scenarios.requests(25, 1), err, expected429, check, save, template));
      assertThat(reasons)
          .containsEntry("requests", 25L)
          .containsEntry("HTTP 503", 5L)
          .containsEntry("check failed: $.missing present", 5L)
          .containsEntry("save failed: save token from json $.token", 5L)
          .containsEntry("template error: variable token is not set", 5L)
          .doesNotContainKey("HTTP 429");
      assertThat(server.served("/json")).isEqualTo(10); // the template error sent nothing
    }
  }
}
