package horde.criteria;

import horde.scenario.Threshold;
import horde.scenario.ThresholdMetric;
import horde.stats.EndpointStats;
import horde.stats.RunStats;
import horde.stats.Totals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks thresholds against a run's statistics. A threshold's {@code endpoint} names an endpoint
 * (all its methods) or a task (the endpoints its requests use), merged exactly from histograms.
 */
public final class Criteria {
  private Criteria() {}

  /** @param taskEndpoints task name to the endpoint names its steps use */
  public static List<CriterionResult> evaluate(List<Threshold> thresholds, RunStats stats,
      Map<String, Set<String>> taskEndpoints) {
    List<CriterionResult> out = new ArrayList<>();
    for (Threshold t : thresholds) {
      EndpointStats scope = scope(t.endpoint(), stats, taskEndpoints);
      double actual = t.metric() == ThresholdMetric.DROPPED_ITERATIONS ? stats.droppedIterations()
          : value(t.metric(), scope, stats.measuredSeconds());
      out.add(new CriterionResult(t, actual, !Double.isNaN(actual) && t.holds(actual)));
    }
    return out;
  }

  private static EndpointStats scope(String endpoint, RunStats stats, Map<String, Set<String>> tasks) {
    if (endpoint == null) return stats.total();
    List<EndpointStats> named = stats.endpoints().stream().filter(e -> e.name().equals(endpoint)).toList();
    if (named.isEmpty()) {
      Set<String> names = tasks.getOrDefault(endpoint, Set.of());
      named = stats.endpoints().stream().filter(e -> names.contains(e.name())).toList();
    }
    return Totals.merge(endpoint, "", named);
  }

  /** The metric's value for the scope, in the threshold's unit; NaN without data. */
  public static double value(ThresholdMetric m, EndpointStats e, double seconds) {
    return switch (m.unit) {
      case DURATION -> e.latency().getTotalCount() == 0 ? Double.NaN : e.summary().value(m.key);
      case PERCENT -> e.requests() == 0 ? Double.NaN : e.errorRatePercent();
      case RATE -> seconds <= 0 ? 0 : e.requests() / seconds;
      case COUNT -> m == ThresholdMetric.FAILURES ? e.failures() : e.requests();
    };
  }
}
