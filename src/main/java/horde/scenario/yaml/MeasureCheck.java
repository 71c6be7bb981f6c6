package horde.scenario.yaml;

import horde.scenario.Grade;
import horde.scenario.LlmSettings;
import horde.scenario.Measured;
import horde.scenario.Metric;
import horde.scenario.Monitor;
import horde.scenario.Threshold;
import java.util.List;

/**
 * Thresholds need a scenario that measures what they judge: {@code ttft_p95} a request with
 * {@code stream}, {@code output_tokens} one that counts tokens, {@code cost} prices, {@code
 * cache_hit_rate} a cache-hit rule, {@code dropped_iterations} an arrival rate. Without, the
 * figure would never have data and the threshold would fail after the whole run; this says so
 * before it, with {@link Measured}'s check (the Java API uses the same one).
 */
final class MeasureCheck {
  private final Problems p;
  private final AnswerReader requests;
  private final Measured measured;
  /** A monitor section with problems of its own: its series cannot be checked. */
  private final boolean monitorUnread;

  MeasureCheck(Problems problems, AnswerReader requests, LlmReader llm, Monitor monitor,
      boolean monitorUnread) {
    this.p = problems;
    this.monitorUnread = monitorUnread;
    this.requests = requests;
    this.measured = new Measured(requests.streams(), requests.tokens(), requests.cacheHits(), llm.cacheHit(),
        !llm.rows().isEmpty(), requests.websockets(), monitor);
  }

  /** Reports each request {@code model} that names no price row. */
  void checkModels(LlmReader llm) {
    for (AnswerReader.ModelName m : requests.models()) {
      String unknown = LlmSettings.unknownModel(m.model(), llm.rows());
      if (unknown != null) p.add(m.node(), unknown);
    }
  }

  /** @param open whether the load these judge is an arrival rate */
  void check(List<Threshold> thresholds, List<Grade> grades, boolean open) {
    for (Threshold t : thresholds) check(t, open);
    if (grades != null) for (Grade g : grades) if (g.condition() != null) check(g.condition(), open);
  }

  private void check(Threshold t, boolean open) {
    if (monitorUnread && t.metric().statistic() instanceof Metric.Statistic.Target) return;
    String need = measured.need(t, open);
    if (need != null) p.add(t.position(), need);
  }
}
