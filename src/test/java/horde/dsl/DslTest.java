package horde.dsl;

import static horde.dsl.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.scenario.Body;
import horde.scenario.LoadProfile;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.ThresholdSyntaxException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java API's defaults, its errors (at the call that is wrong), and immutability. */
class DslTest {
  @Test
  void theScenarioWithEveryFeaturePlans() {
    TestPlan plan = new Planner(Map.of()).plan(SameModelTest.everything());
    assertThat(plan.users()).hasSize(3);
  }

  @Test
  void defaultsAreTheFileFormats() {
    Scenario s = scenario("s").task(get("/")).build();
    assertThat(s.target()).isEmpty();
    assertThat(s.load()).isEqualTo(LoadProfile.DEFAULT);
    assertThat(s.users().getFirst().name()).isEqualTo("user1");
    assertThat(s.users().getFirst().tasks().getFirst().name()).isEqualTo("GET /");
  }

  @Test
  void jsonTextAndTreesBecomeTheSameBody() {
    Request fromText =
        post("/").json("{\"n\": 3, \"big\": 10000000000, \"x\": 1.5, \"l\": [true, null]}").build();
    Request fromTree =
        post("/")
            .json(
                Map.of(
                    "n",
                    3L,
                    "big",
                    10_000_000_000L,
                    "x",
                    1.5f,
                    "l",
                    java.util.Arrays.asList(true, null)))
            .build();
    assertThat(fromText.body()).isEqualTo(fromTree.body());
    assertThat(((Map<?, ?>) ((Body.Json) fromText.body()).tree()).get("n"))
        .isInstanceOf(Integer.class);
  }

  @Test
  void mistakesFailWhereTheyAreWritten() {
    assertThatThrownBy(() -> scenario("s").threshold("p95 < 2"))
        .isInstanceOf(ThresholdSyntaxException.class)
        .hasMessage("p95 needs a unit: a duration like 500ms or 2s");
    assertThatThrownBy(() -> get("/").timeout("30"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout: '30' is not a duration");
    assertThatThrownBy(() -> post("/").json("{}").body("x"))
        .hasMessage("a request has one body: json, body or form");
    assertThatThrownBy(() -> post("/").json("{oops"))
        .hasMessageStartingWith("json: not valid JSON");
    assertThatThrownBy(() -> post("/").json(Map.of("when", new Object())))
        .hasMessageContaining("is not a JSON value");
    assertThatThrownBy(() -> scenario("s").grades("GOOD avg < 5s"))
        .hasMessageStartingWith("expected a grade and its condition");
    assertThatThrownBy(() -> arrivalRate(0)).hasMessage("an arrival rate must be above 0");
    assertThatThrownBy(() -> arrivalRate(5).startRate(1))
        .hasMessage("start_rate goes with stages of rates");
    assertThatThrownBy(() -> arrivalStages(rate("1m", 5)).runTime("1m"))
        .hasMessage("run_time goes with a constant arrival rate");
  }

  @Test
  void streamingAndLlmMistakesFailWhereTheyAreWritten() {
    assertThatThrownBy(() -> scenario("s").tokenizer("o100k_base"))
        .hasMessage(
            "unknown tokenizer 'o100k_base' (did you mean 'o200k_base'?); use one of cl100k_base,"
                + " o200k_base, p50k_base, r50k_base or chars:N");
    assertThatThrownBy(() -> scenario("s").tokenizer("chars:0"))
        .hasMessage("tokenizer 'chars:0': chars:N needs a number of characters above 0, like chars:4");
    assertThatThrownBy(() -> scenario("s").price("gpt-4o-mini", -1, 0.6))
        .hasMessage(
            "prices.gpt-4o-mini.input: expected a number of dollars, 0 or more, like 0.15, found"
                + " -1.0");
    assertThatThrownBy(() -> scenario("s").pricePerRequest("x", Double.NaN))
        .hasMessageStartingWith("prices.x.per_request: expected a number of dollars");
    assertThatThrownBy(() -> chunked().event("token"))
        .hasMessage("stream.event goes with sse and openai streams; a chunked body has no event names");
    assertThatThrownBy(() -> sse().idleTimeout("0s"))
        .hasMessageStartingWith("stream.idle_timeout must be above 0");
    assertThatThrownBy(() -> post("/").model("${model}"))
        .hasMessage("model: names a price row as written; templates are not expanded here");
    assertThatThrownBy(() -> post("/").llm(usage()))
        .hasMessage("llm: expected at least one of input_tokens, output_tokens and content");
  }

  @Test
  void aThresholdTheScenarioCannotMeasureFailsWhenItIsBuilt() {
    assertThatThrownBy(() -> scenario("s").task(get("/ask").name("ask"))
            .threshold(threshold("p95 < 1s").endpoint("aks"))
            .threshold("ttft_p95 < 500ms", "cache_hit_rate > 50%")
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thresholds: 'p95 < 1s': endpoint: 'aks' is not the name of a request or task (did you mean"
            + " 'ask'?); 'ttft_p95 < 500ms': ttft_p95 is measured on streamed answers, so it needs a request with"
            + " stream: openai, sse or chunked, or a ws_await with stream: tokens; 'cache_hit_rate > 50%': cache_hit_rate needs a cache-hit rule:"
            + " cache_hit: {json: $.cached} or {header: X-Cache, equals: HIT}, on a request or under llm");
    assertThatThrownBy(() -> scenario("s").task(get("/")).phase(phase("one").load(users(1))
            .grades(grade("GOOD", "cost < $1"), otherwise("POOR"))).build())
        .hasMessageContaining("'cost < $1': cost is priced from llm.prices");
    assertThat(scenario("s").task(task("t").step(group("flow", poll(get("/job")).every("1s").timeout("10s").until(status(200)))))
            .threshold(threshold("p95 < 1s").endpoint("flow")).threshold(threshold("p95 < 1s").endpoint("/job"))
            .build().thresholds()).hasSize(2);
  }

  @Test
  void aStreamedChatWithPricesAndACacheRulePlans() {
    Scenario s =
        scenario("chat")
            .target("http://127.0.0.1:8000")
            .price("gpt-4o-mini", 0.15, 0.60)
            .cacheHit(cacheHitJson("$.cached"))
            .task(post("/v1/chat/completions").stream(openai()).json(Map.of("model", "gpt-4o-mini")))
            .threshold("ttft_p95 < 500ms", "cost < $1")
            .build();
    assertThat(s.llm().tokenizer()).isEqualTo("cl100k_base");
    TestPlan plan = new Planner(Map.of()).plan(s);
    assertThat(plan.tracksLlm()).isTrue();
    assertThat(scenario("plain").task(get("/")).build().llm())
        .isEqualTo(horde.scenario.LlmSettings.NONE);
  }

  @Test
  void scenariosThatCannotBe() {
    assertThatThrownBy(() -> scenario("s").build())
        .hasMessage("a scenario needs at least one user class");
    assertThatThrownBy(() -> scenario("s").task(get("/")).user(user("u").task(get("/"))).build())
        .hasMessage("give either user classes or tasks (one class), not both");
    assertThatThrownBy(
            () ->
                scenario("s")
                    .task(get("/"))
                    .load(users(1))
                    .phase(phase("p").load(users(2)))
                    .build())
        .hasMessage("give either a load (one run) or phases, not both");
    assertThatThrownBy(() -> scenario("s").task(get("/")).phase(phase("p")).build())
        .hasMessage("phase p needs a load");
    assertThatThrownBy(() -> scenario("s").task(task("t")).build())
        .hasMessage("task t has no steps");
    assertThatThrownBy(() -> scenario("s").task(task().step(poll(get("/")))).build())
        .hasMessage("poll needs an 'until' condition");
  }

  @Test
  void whatIsBuiltDoesNotChangeWithTheBuilder() {
    ScenarioBuilder b = scenario("s").task(get("/a")).threshold("p95 < 2s");
    Scenario first = b.build();
    b.threshold("error_rate < 1%").task(get("/b"));
    assertThat(first.thresholds()).hasSize(1);
    assertThat(first.users().getFirst().tasks()).hasSize(1);
    assertThatThrownBy(() -> first.thresholds().add(first.thresholds().getFirst()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(b.build().users().getFirst().tasks())
        .extracting(t -> t.name())
        .isEqualTo(List.of("GET /a", "GET /b"));
  }
}
