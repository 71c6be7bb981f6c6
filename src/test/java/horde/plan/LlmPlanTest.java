package horde.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import horde.scenario.CacheHit;
import horde.scenario.InvalidScenarioException;
import horde.scenario.LlmSettings;
import horde.scenario.Price;
import horde.scenario.Problem;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.yaml.ScenarioLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the plan makes of a scenario's streams, prices and cache-hit rules; no network. */
class LlmPlanTest {
  private static final String PRICES =
      """
      target: http://127.0.0.1:8000
      llm:
        prices:
          gpt-4o-mini: {input: 0.15, output: 0.60}
          gpt-4o: {input: 2.50, output: 10}
          default: {per_request: 0.001}
      """;

  static TestPlan plan(String yaml) {
    return new Planner(Map.of()).plan(ScenarioLoader.parse(yaml, "t.yaml", Path.of(".")));
  }

  /** Each request's LLM plan (null when it tracks nothing), by endpoint name. */
  static Map<String, LlmPlan> byEndpoint(TestPlan plan) {
    Map<String, LlmPlan> out = new LinkedHashMap<>();
    plan.users().forEach(u -> u.tasks().forEach(t -> Steps.requests(t.steps())
        .forEach(r -> out.put(plan.endpoints().get(r.endpoint()).name(), r.llm()))));
    return out;
  }

  @Test
  void aRequestIsChargedAtItsModelElseItsBodysModelElseTheDefaultRow() {
    Map<String, LlmPlan> llm = byEndpoint(plan(PRICES + """
        tasks:
          - {post: /named, llm: openai, model: gpt-4o, json: {model: gpt-4o-mini}}
          - {post: /body, llm: openai, json: {model: gpt-4o-mini}}
          - {post: /other, llm: openai, json: {model: llama}}
          - {post: /templated, llm: openai, json: {model: "${env.MODEL:-gpt-4o}"}}
        """));
    assertThat(llm.get("/named").price()).isEqualTo(new Price(2.50, 10, 0));
    assertThat(llm.get("/body").price()).isEqualTo(new Price(0.15, 0.60, 0));
    assertThat(llm.get("/other").price()).isEqualTo(new Price(0, 0, 0.001));
    assertThat(llm.get("/templated").price()).isEqualTo(new Price(0, 0, 0.001));
  }

  @Test
  void anOpenAiStreamReadsTheChunksContentAndUsage() {
    LlmPlan p = byEndpoint(plan("""
        target: http://127.0.0.1:8000
        tasks: [{post: /v1/chat/completions, stream: openai}]
        """)).get("/v1/chat/completions");
    assertThat(p.streaming()).isTrue();
    assertThat(p.content().toString()).isEqualTo("$.choices[0].delta.content");
    assertThat(p.stream().terminator()).isEqualTo("[DONE]");
    assertThat(p.inputTokens().toString()).isEqualTo("$.usage.prompt_tokens");
    assertThat(p.outputTokens().toString()).isEqualTo("$.usage.completion_tokens");
    assertThat(p.price()).isNull();
  }

  /**
   * Found while writing the scenario keys: a scenario-wide cache-hit rule gave every request an
   * LLM plan, and with it the default price row, so a health check was charged (and had its
   * tokens counted) only because the scenario tracked cache hits. Prices now apply to the
   * requests that track their answers (stream, llm, model or their own cache_hit), with or without
   * a scenario-wide rule.
   */
  @Test
  void aScenarioWideCacheRuleMarksEveryRequestButChargesOnlyThoseThatTrackTheirAnswers() {
    Map<String, LlmPlan> llm = byEndpoint(plan(PRICES + """
          cache_hit: {json: $.cached}
        tasks:
          - get: /health
          - {post: /ask, model: gpt-4o-mini}
        """));
    assertThat(llm.get("/health").cacheHit()).isEqualTo(new CacheHit(CacheHit.Source.JSON, "$.cached", null));
    assertThat(llm.get("/health").price()).isNull();
    assertThat(llm.get("/ask").price()).isEqualTo(new Price(0.15, 0.60, 0));
    assertThat(llm.get("/ask").cacheHit()).isEqualTo(llm.get("/health").cacheHit());
  }

  @Test
  void aModelBuiltInJavaIsCheckedAgainstThePricesWithTheLoadersWords() {
    Request ask = new Request("POST", "/ask", null, null, null, null, null, null, null, null, null, null,
        "gpt-4o-mni", null, null);
    Scenario s = ScenarioLoader.parse(PRICES + "tasks: [get: /]\n", "t.yaml", Path.of("."));
    Scenario java = Scenario.builder(s.name(), s.target())
        .users(List.of(new horde.scenario.UserClass("u", 1, null, null,
            List.of(new horde.scenario.Task("t", 1, List.of(ask), null)), null, null)))
        .load(s.load()).llm(s.llm()).build();
    InvalidScenarioException e =
        catchThrowableOfType(InvalidScenarioException.class, () -> new Planner(Map.of()).plan(java));
    assertThat(e.problems()).extracting(Problem::message).containsExactly(
        "no price for model 'gpt-4o-mni' (did you mean 'gpt-4o-mini'?); prices: gpt-4o-mini, gpt-4o, default");
    assertThat(s.llm()).isNotEqualTo(LlmSettings.NONE);
  }
}
