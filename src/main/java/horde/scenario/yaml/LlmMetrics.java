package horde.scenario.yaml;

import horde.scenario.Grade;
import horde.scenario.LlmSettings;
import horde.scenario.Measures;
import horde.scenario.Threshold;
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
  private final Measures measures;

  LlmMetrics(Problems problems, AnswerReader requests, LlmReader llm) {
    this.p = problems;
    this.requests = requests;
    this.measures = new Measures(requests.streams(), requests.tokens(), requests.cacheHits(), llm.cacheHit(),
        !llm.rows().isEmpty());
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
    String need = measures.need(t.metric());
    if (need != null) p.add(t.position(), need);
  }
}
