package horde.scenario.yaml;

import horde.scenario.Grade;
import horde.scenario.Threshold;
import horde.scenario.ThresholdMetric;
import java.util.List;

/**
 * {@code dropped_iterations} counts arrivals of the open model that found no free user: it means
 * something only for a run with an arrival rate, and only for the whole run.
 */
final class OpenModelMetrics {
  private OpenModelMetrics() {}

  /** Reports thresholds on dropped iterations where the load is not an arrival rate. */
  static void check(Problems p, List<Threshold> thresholds, boolean open) {
    for (Threshold t : thresholds) check(p, t, open);
  }

  static void checkGrades(Problems p, List<Grade> grades, boolean open) {
    for (Grade g : grades) if (g.condition() != null) check(p, g.condition(), open);
  }

  private static void check(Problems p, Threshold t, boolean open) {
    if (t.metric() != ThresholdMetric.DROPPED_ITERATIONS) return;
    if (!open)
      p.add(
          t.position(),
          "dropped_iterations counts arrivals that found no free user, so it needs the open"
              + " model: a load with arrival_rate, or stages of rates");
    else if (t.endpoint() != null)
      p.add(
          t.position(),
          "dropped_iterations is counted for the whole run, not per endpoint; remove endpoint");
  }
}
