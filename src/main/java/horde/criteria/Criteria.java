package horde.criteria;

import horde.scenario.Threshold;
import horde.scenario.ThresholdMetric;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.LlmStats;
import org.HdrHistogram.Histogram;
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
    if (m.measure != null && m.measure != ThresholdMetric.Measure.LATENCY) return streaming(m, e.llm());
    return switch (m) {
      case ERROR_RATE -> e.requests() == 0 ? Double.NaN : e.errorRatePercent();
      case RPS -> seconds <= 0 ? 0 : e.requests() / seconds;
      case REQUESTS -> e.requests();
      case FAILURES -> e.failures();
      case CACHE_HIT_RATE -> e.llm() == null ? Double.NaN : e.llm().cacheHitRate();
      case COST -> e.llm() == null ? Double.NaN : e.llm().cost();
      case COST_PER_REQUEST -> e.llm() == null || e.requests() == 0 ? Double.NaN : e.llm().cost() / e.requests();
      case INPUT_TOKENS -> e.llm() == null ? Double.NaN : e.llm().inputTokens();
      case OUTPUT_TOKENS -> e.llm() == null ? Double.NaN : e.llm().outputTokens();
      case OUTPUT_TOKENS_PER_S -> e.llm() == null || seconds <= 0 ? Double.NaN : e.llm().outputTokens() / seconds;
      default -> e.latency().getTotalCount() == 0 ? Double.NaN : e.summary().value(m.statistic());
    };
  }

  private static double streaming(ThresholdMetric m, LlmStats llm) {
    if (llm == null) return Double.NaN;
    Histogram h = switch (m.measure) {
      case TTFB -> llm.ttfb();
      case TTFT -> llm.ttft();
      case ITL -> llm.itl();
      case TPOT -> llm.tpot();
      default -> llm.tokensPerSecond();
    };
    return h.getTotalCount() == 0 ? Double.NaN : LatencySummary.of(h).value(m.statistic());
  }

}
