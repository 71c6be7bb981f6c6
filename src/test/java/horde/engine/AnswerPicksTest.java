package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import horde.TestServer;
import horde.plan.RequestPlan;
import horde.plan.Tokenizer;
import horde.scenario.Measures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An LLM answer, and each JSON event of a streamed one, is read from its bytes ({@code AnswerPicks})
 * when the plan's paths are plain, and from a Jackson tree when they are not: both read the same
 * tokens, usage, cache marks and errors from a real server, awkward answers included (escapes,
 * empty and null text, a number, a member given twice, data that is not JSON, text that is an
 * object).
 */
class AnswerPicksTest {
  static final String[] EVENTS = {
      "{\"choices\":[{\"delta\":{\"content\":\"H\\u00e9\\\"llo\"}}]}",
      "{\"choices\":[{\"delta\":{\"content\":\"\"}}]}",
      "{\"choices\":[{\"delta\":{\"content\":null}}]}",
      "{\"choices\":[{\"delta\":{\"content\":7}}]}",
      "{\"choices\":[{\"delta\":{\"content\":\" x\"}}],\"cached\":true}",
      "{\"choices\":[{\"delta\":{\"content\":\"first\"}}],\"choices\":[{\"delta\":{\"content\":\" dup\"}}]}",
      "not json",
      "{\"choices\":[{\"delta\":{\"content\":{\"a\":1}}}]}",
      "{\"choices\":[{\"delta\":{\"content\":\" ünï\"}}]}"};
  static final String TEXT = "Hé\"llo7 x dup{\"a\":1} ünï";
  static final String PLAIN = "{kind: openai}", TREE = "{kind: openai, content: \"$.choices[*].delta.content\"}";
  static final String USAGE_PLAIN = "{input_tokens: $.usage.prompt_tokens, output_tokens: $.usage.completion_tokens}";
  static final String USAGE_TREE = "{input_tokens: $..prompt_tokens, output_tokens: $..completion_tokens}";

  @Test
  void eventsReadFromTheirBytesGiveWhatATreeGives() throws Exception {
    try (TestServer server = new TestServer()
        .route("/usage", ex -> sse(ex, "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5}}", " [DONE] "))
        .route("/counted", ex -> sse(ex, "[DONE]"))
        .route("/error", ex -> sse(ex, "{\"error\":{\"message\":\"overloaded\",\"code\":529}}", "[DONE]"))) {
      PlanRun plain = run(server, PLAIN, USAGE_PLAIN, "$.cached");
      PlanRun tree = run(server, TREE, USAGE_TREE, "$..cached");
      assertThat(request(plain, 0).llm().events()).as("plain paths are picked").isNotNull();
      assertThat(request(tree, 0).llm().events()).as("a wildcard needs the tree").isNull();
      long tokens = Tokenizer.of("cl100k_base").count(TEXT);
      for (PlanRun r : new PlanRun[] {plain, tree}) {
        assertThat(r.count("POST", "/usage", Measures.TOKEN_EVENTS)).isEqualTo(3 * 6);
        assertThat(r.count("POST", "/usage", Measures.INPUT_TOKENS)).isEqualTo(3 * 12);
        assertThat(r.count("POST", "/usage", Measures.OUTPUT_TOKENS)).isEqualTo(3 * 5);
        assertThat(r.count("POST", "/usage", Measures.CACHE_LOOKUPS)).isEqualTo(3);
        assertThat(r.count("POST", "/usage", Measures.CACHE_HITS)).isEqualTo(3);
        assertThat(r.count("POST", "/usage", Measures.FAILURES)).isZero();
        assertThat(r.count("POST", "/counted", Measures.OUTPUT_TOKENS)).as("counted from the kept text").isEqualTo(3 * tokens);
        assertThat(r.failures("POST", "/error", "stream error")).isEqualTo(3);
      }
    }
  }

  @Test
  void wholeAnswersReadFromTheirBytesGiveWhatATreeGives() throws Exception {
    String text = "H\\u00e9\\\"llo \u00fcn\u00ef";
    try (TestServer server = new TestServer()
        .route("/usage", ex -> TestServer.reply(ex, 200, answer("\"" + text + "\"",
            ",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5},\"cached\":true")))
        .route("/counted", ex -> TestServer.reply(ex, 200, answer("\"" + text + "\"", ",\"cached\":null")))
        .route("/object", ex -> TestServer.reply(ex, 200, answer("{\"a\":1}", "")))) {
      String plain = "{input_tokens: $.usage.prompt_tokens, output_tokens: $.usage.completion_tokens,"
          + " content: \"$.choices[0].message.content\"}";
      String tree = "{input_tokens: $..prompt_tokens, output_tokens: $..completion_tokens,"
          + " content: \"$.choices[*].message.content\"}";
      PlanRun picked = whole(server, plain, "$.cached"), parsed = whole(server, tree, "$..cached");
      assertThat(request(picked, 0).llm().whole()).as("plain paths are picked").isNotNull();
      assertThat(request(parsed, 0).llm().whole()).as("a wildcard needs the tree").isNull();
      Tokenizer cl100k = Tokenizer.of("cl100k_base");
      for (PlanRun r : new PlanRun[] {picked, parsed}) {
        assertThat(r.count("POST", "/usage", Measures.INPUT_TOKENS)).isEqualTo(3 * 12);
        assertThat(r.count("POST", "/usage", Measures.OUTPUT_TOKENS)).isEqualTo(3 * 5);
        assertThat(r.count("POST", "/usage", Measures.CACHE_HITS)).isEqualTo(3);
        assertThat(r.count("POST", "/counted", Measures.INPUT_TOKENS)).isEqualTo(3 * cl100k.count("hi\n"));
        assertThat(r.count("POST", "/counted", Measures.OUTPUT_TOKENS)).isEqualTo(3 * cl100k.count("Hé\"llo ünï"));
        assertThat(r.count("POST", "/counted", Measures.CACHE_LOOKUPS)).isEqualTo(3);
        assertThat(r.count("POST", "/counted", Measures.CACHE_HITS)).as("a null mark is no hit").isZero();
        assertThat(r.count("POST", "/object", Measures.OUTPUT_TOKENS)).isEqualTo(3 * cl100k.count("{\"a\":1}"));
        for (String path : new String[] {"/usage", "/counted", "/object"}) {
          assertThat(r.count("POST", path, Measures.FAILURES)).as("the JSON check on " + path).isZero();
        }
      }
    }
  }

  /** A chat completion whose message content is {@code content} (JSON), then {@code more} members. */
  private static String answer(String content, String more) {
    return "{\"id\":\"c1\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":" + content + "}}]" + more + "}";
  }

  /** Three requests to each of the answers' routes, with a JSON check on each. */
  private static PlanRun whole(TestServer server, String llm, String cacheMark) throws Exception {
    StringBuilder yaml = new StringBuilder("target: " + server.url() + "\nusers:\n  - tasks:\n      - steps:\n");
    for (String path : new String[] {"/usage", "/counted", "/object"}) {
      yaml.append("          - post: ").append(path).append("\n")
          .append("            llm: ").append(llm).append("\n")
          .append("            cache_hit: {json: \"").append(cacheMark).append("\"}\n")
          .append("            check: {json: {\"$.choices[0].message.role\": assistant, $.id: present}}\n")
          .append("            json: {model: m, messages: [{role: user, content: hi}]}\n");
    }
    return PlanRun.of(yaml.append("load: {requests: 9, concurrency: 1}\n").toString());
  }

  private static PlanRun run(TestServer server, String stream, String llm, String cacheMark) throws Exception {
    StringBuilder yaml = new StringBuilder("target: " + server.url() + "\nusers:\n  - tasks:\n      - steps:\n");
    for (String path : new String[] {"/usage", "/counted", "/error"}) {
      yaml.append("          - post: ").append(path).append("\n")
          .append("            stream: ").append(stream).append("\n")
          .append("            llm: ").append(llm).append("\n")
          .append("            cache_hit: {json: \"").append(cacheMark).append("\"}\n")
          .append("            json: {model: m, stream: true, messages: [{role: user, content: hi}]}\n");
    }
    return PlanRun.of(yaml.append("load: {requests: 9, concurrency: 1}\n").toString());
  }

  private static RequestPlan request(PlanRun r, int step) {
    return (RequestPlan) r.plan().users().get(0).tasks().get(0).steps().get(step);
  }

  /** The events of {@link #EVENTS}, then {@code last}, as Server-Sent Events. */
  private static void sse(HttpExchange ex, String... last) throws IOException {
    StringBuilder body = new StringBuilder();
    for (String e : EVENTS) body.append("data: ").append(e).append("\n\n");
    for (String e : last) body.append("data: ").append(e).append("\n\n");
    byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, b.length);
    ex.getResponseBody().write(b);
  }
}
