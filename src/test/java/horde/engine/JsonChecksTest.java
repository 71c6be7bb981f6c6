package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.TestServer;
import horde.scenario.Measures;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * JSON checks and saves on a real server's answers, read in one pass over the body (no tree):
 * nested members, elements by index, escaped strings, numbers, booleans and null; what was saved
 * goes out in the next request as it was in the answer, and a body that is not JSON fails them.
 */
class JsonChecksTest {
  static final String ANSWER = """
      {"user": {"name": "Zo\u00eb \\"Z\\" \\u00e9\\n", "id": 42, "admin": false, "tags": ["a", {"k": "v"}]},
       "ratio": 0.5, "none": null, "ok": true}""";

  @Test
  void checksAndSavesReadTheAnswersPathsAndTheNextRequestSendsWhatWasSaved() throws Exception {
    Queue<String> sent = new ConcurrentLinkedQueue<>();
    try (TestServer server = new TestServer()
        .route("/user", ex -> TestServer.reply(ex, 200, ANSWER))
        .route("/echo", ex -> {
          sent.add(TestServer.body());
          TestServer.reply(ex, 200, "{}");
        })) {
      PlanRun r = PlanRun.of("""
          target: %s
          users:
            - name: u
              tasks:
                - name: read and send back
                  steps:
                    - get: /user
                      check:
                        json: {$.user.id: 42, $.user.admin: false, $.ok: true, $.none: present, $.ratio: present,
                               "$.user.tags[1].k": v, "$.user.tags[0]": [a, b], $.user.missing: absent,
                               $.user.name: present}
                      save: {name: $.user.name, id: $.user.id, tag: "$.user.tags[0]", ok: $.ok}
                    - post: /echo
                      json: {name: "${name}", id: "${id}", tag: "${tag}", ok: "${ok}"}
          load: {requests: 20, concurrency: 2}
          """.formatted(server.url()));
      assertThat(r.count("GET", "/user", Measures.REQUESTS)).isGreaterThanOrEqualTo(9);
      assertThat(r.count("GET", "/user", Measures.FAILURES)).isZero();
      assertThat(sent).hasSize((int) r.count("POST", "/echo", Measures.REQUESTS)).isNotEmpty().containsOnly("{\"name\":\"Zoë \\\"Z\\\" é\\n\",\"id\":\"42\",\"tag\":\"a\",\"ok\":\"true\"}");
    }
  }

  /** A body of several kilobytes comes in several reads, copied in bulk rather than byte by byte. */
  @Test
  void aLongAnswerIsReadWhole() throws Exception {
    String pad = "x".repeat(6000);
    try (TestServer server = new TestServer()
        .route("/long", ex -> TestServer.reply(ex, 200, "{\"pad\": \"" + pad + "\", \"end\": \"yes\"}"))) {
      PlanRun r = PlanRun.of("""
          target: %s
          users: [{name: u, tasks: [{get: /long, check: {json: {$.end: "yes", $.pad: present}}, save: {pad: $.pad}}]}]
          load: {requests: 4, concurrency: 1}
          """.formatted(server.url()));
      assertThat(r.count("GET", "/long", Measures.REQUESTS)).isEqualTo(4);
      assertThat(r.count("GET", "/long", Measures.FAILURES)).isZero();
    }
  }

  @Test
  void anAnswerThatIsNotJsonFailsItsChecksAndSavesWithTheirReasons() throws Exception {
    try (TestServer server = new TestServer()
        .route("/broken", ex -> TestServer.reply(ex, 200, "{\"a\": 1,}"))
        .route("/other", ex -> TestServer.reply(ex, 200, "{\"b\": {\"a\": 1}}"))) {
      PlanRun r = PlanRun.of("""
          target: %s
          users:
            - name: u
              tasks:
                - steps:
                    - get: /broken
                      check: {json: {$.a: present}}
                    - get: /other
                      save: {a: $.a}
          load: {requests: 6, concurrency: 1}
          """.formatted(server.url()));
      assertThat(r.failures("GET", "/broken", "check failed: $.a present")).isEqualTo(3);
      assertThat(r.failures("GET", "/other", "save failed: save a from json $.a")).isEqualTo(3);
      assertThat(r.sample("GET", "/broken", "check failed: $.a present")).contains("{\"a\": 1,}");
    }
  }
}
