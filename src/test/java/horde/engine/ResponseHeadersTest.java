package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Scenarios;
import horde.TestServer;
import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.Measures;
import horde.scenario.Request;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The client keeps only the response headers the plan reads (TestPlan.readHeaders): those that a
 * check or a save names still arrive, in any case of their name, among headers nobody reads.
 */
class ResponseHeadersTest {

  @Test
  void headersThePlanReadsAreCheckedAndSavedAmongOthersItDoesNot() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    Set<String> used = ConcurrentHashMap.newKeySet();
    try (TestServer server = new TestServer()
        .route("/login", ex -> {
          ex.getResponseHeaders().add("X-Noise", "a".repeat(200));
          ex.getResponseHeaders().add("X-Token", "tok-" + issued.incrementAndGet());
          ex.getResponseHeaders().add("X-Kind", "session");
          TestServer.reply(ex, 200, "{}");
        })
        .route("/use", ex -> {
          used.add(ex.getRequestURI().getQuery());
          TestServer.reply(ex, 200, "{}");
        })) {
      Request login = new Request("GET", "/login", null, null, null, null, null,
          List.of(new Check.Header("x-token", null), new Check.Header("X-KIND", "session")), null,
          List.of(new Extract("token", Extract.Source.HEADER, "X-Token", null)), null);
      Request use = new Request("GET", "/use", null, null, Map.of("t", "${token}"), null, null,
          List.of(new Check.Header("X-Noise", null)), null, null, null);
      FlowTest.Ran r = FlowTest.run(Scenarios.steps(server.url(), Scenarios.requests(20, 1), login, use));

      assertThat(r.requests("GET", "/login")).isEqualTo(10);
      assertThat(r.recorder().counter(r.id("GET", "/login"), Measures.FAILURES)).as("header checks and save").isZero();
      assertThat(used).hasSize(10).allMatch(q -> q.matches("t=tok-\\d+"));
      // /use answers without X-Noise: a header the plan reads but the answer lacks fails its check
      assertThat(r.recorder().counter(r.id("GET", "/use"), Measures.FAILURES)).isEqualTo(10);
    }
  }
}
