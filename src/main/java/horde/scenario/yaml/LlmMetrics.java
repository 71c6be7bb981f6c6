package horde.scenario.yaml;

import horde.scenario.Grade;
import horde.scenario.LlmSettings;
import horde.scenario.Threshold;
import horde.scenario.ThresholdMetric;
import java.util.List;

/**
 * Thresholds on streaming, token, cost and cache figures need a scenario that measures them:
 * {@code ttft_p95} needs a request with {@code stream}, {@code output_tokens} one that counts
 * tokens, {@code cost} prices, {@code cache_hit_rate} a cache-hit rule. Without, the figure would
 * never have data and the threshold would fail after the whole run; this says so before it.
 */
final class LlmMetrics {
  private final Problems p;
  private final AnswerReader requests;
  private final boolean prices;
  private final boolean cacheRule;

  LlmMetrics(Problems problems, AnswerReader requests, LlmReader llm) {
    this.p = problems;
    this.requests = requests;
    this.prices = !llm.rows().isEmpty();
    this.cacheRule = llm.cacheHit();
  }

  /** Reports each request {@code model} that names no price row. */
  void checkModels(LlmReader llm) {
    for (AnswerReader.ModelName m : requests.models()) {
      String unknown = LlmSettings.unknownModel(m.model(), llm.rows());
      if (unknown != null) p.add(m.node(), unknown);
    }
  }

  void check(List<Threshold> thresholds) {
    for (Threshold t : thresholds) check(t);
  }

  void checkGrades(List<Grade> grades) {
    for (Grade g : grades) if (g.condition() != null) check(g.condition());
  }

  private void check(Threshold t) {
    String need = need(t.metric());
    if (need != null) p.add(t.position(), need);
  }

  /** What the metric lacks in this scenario, or null. */
  private String need(ThresholdMetric m) {
    String name = m.key;
    boolean tracked = requests.tokens() || requests.cacheHits() || cacheRule;
    if (m.measure != null) {
      return switch (m.measure) {
        case TTFT, ITL, TPOT ->
            requests.streams()
                ? null
                : name
                    + " is measured on streamed answers, so it needs a request with stream:"
                    + " openai, sse or chunked";
        case TTFB ->
            tracked
                ? null
                : name
                    + " is measured on the answers Horde reads for tokens or cache hits, so it"
                    + " needs a request with stream, llm, model or cache_hit";
        case TOKENS_PER_S -> tokens(name);
        case LATENCY -> null;
      };
    }
    return switch (m) {
      case INPUT_TOKENS, OUTPUT_TOKENS, OUTPUT_TOKENS_PER_S -> tokens(name);
      case COST, COST_PER_REQUEST ->
          !prices
              ? name
                  + " is priced from llm.prices, so it needs prices, like llm: {prices:"
                  + " {gpt-4o-mini: {input: 0.15, output: 0.60}}}"
              : requests.tokens() || requests.cacheHits()
                  ? null
                  : name
                      + " is charged on the requests that track their answers, so it needs a"
                      + " request with stream, llm, model or cache_hit";
      case CACHE_HIT_RATE ->
          requests.cacheHits() || cacheRule
              ? null
              : name
                  + " needs a cache-hit rule: cache_hit: {json: $.cached} or {header: X-Cache,"
                  + " equals: HIT}, on a request or under llm";
      default -> null;
    };
  }

  private String tokens(String name) {
    return requests.tokens()
        ? null
        : name + " counts the tokens of answers, so it needs a request with stream, llm or model";
  }
}
