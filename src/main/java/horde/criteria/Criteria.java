package horde.criteria;

import horde.scenario.Measure;
import horde.scenario.Measures;
import horde.scenario.Metric;
import horde.scenario.Metric.Count;
import horde.scenario.Metric.Statistic;
import horde.scenario.Threshold;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.RunStats;
import horde.stats.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Checks thresholds against a run's statistics. A threshold's {@code endpoint} names an endpoint
 * (all its methods) or a task (the endpoints its requests use), merged exactly from histograms.
 * A metric is a statistic of measures ({@link Metric}); its value is computed here from whatever
 * measures the window recorded, so a measure added to the registry can be judged at once.
 */
public final class Criteria {
  private Criteria() {}

  /** @param taskEndpoints task name to the endpoint names its steps use */
  public static List<CriterionResult> evaluate(List<Threshold> thresholds, RunStats stats,
      Map<String, Set<String>> taskEndpoints) {
    return evaluate(thresholds, stats, taskEndpoints, null);
  }

  /**
   * @param load the load as the run's settings describe it ({@code model}, {@code rates}...): where a
   *     drift criterion finds the open model's steady stretch; null without
   */
  public static List<CriterionResult> evaluate(List<Threshold> thresholds, RunStats stats,
      Map<String, Set<String>> taskEndpoints, Settings load) {
    List<CriterionResult> out = new ArrayList<>();
    for (Threshold t : thresholds) {
      if (t.metric().statistic() instanceof Statistic.Drift d) {
        out.add(Drift.judge(t, d, stats, load));
        continue;
      }
      double actual = value(t.metric(), stats, scope(t.endpoint(), stats, taskEndpoints));
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
    return EndpointStats.merge(endpoint, "", named);
  }

  /** The metric's value for a scope of the run, in the threshold's unit; NaN without data. */
  public static double value(Metric m, RunStats run, EndpointStats scope) {
    double seconds = run.measuredSeconds();
    Measures measures = run.names() == null ? Measures.BUILT_IN : run.names().measures();
    return switch (m.statistic()) {
      case Statistic.Of of -> of(scope.histogram(of.measure()), of.stat(), measures.find(of.measure()).orElse(null));
      case Statistic.Total t -> readable(t.count(), count(t.count(), run, scope, measures), measures);
      case Statistic.PerSecond p -> seconds <= 0 ? 0 : readable(p.count(), count(p.count(), run, scope, measures), measures) / seconds;
      case Statistic.Share s -> share(s, m.unit(), run, scope, measures);
      case Statistic.Target t -> TargetSeries.value(t, run);
      case Statistic.Drift d -> Drift.value(d, run, null);
    };
  }

  /** The value of a metric for one endpoint (or merged scope) over {@code seconds}. */
  public static double value(Metric m, EndpointStats scope, double seconds) {
    RunStats run = new RunStats(0, seconds, 0, seconds, List.of(scope), scope, List.of(), 0, false);
    return value(m, run, scope);
  }

  private static double of(Histogram h, Metric.Stat stat, Measure measure) {
    if (h == null || h.getTotalCount() == 0) return Double.NaN;
    LatencySummary s = LatencySummary.of(h);
    return switch (stat) {
      case P50 -> s.p50();
      case P90 -> s.p90();
      case P95 -> s.p95();
      case P99 -> s.p99();
      case P999 -> s.p999();
      case AVG -> s.avg();
      case MIN -> s.min();
      case MAX -> s.max();
    } * (measure == null ? 1 : measure.unit().toReadable * 1000);
  }

  private static double share(Statistic.Share s, Metric.LimitUnit unit, RunStats run, EndpointStats scope,
      Measures measures) {
    double whole = readable(s.whole(), count(s.whole(), run, scope, measures), measures);
    if (whole <= 0) return Double.NaN;
    double part = readable(s.part(), count(s.part(), run, scope, measures), measures) / whole;
    return unit == Metric.LimitUnit.PERCENT ? 100 * part : part;
  }

  /** A count as recorded: a run-wide counter (dropped iterations) is the run's. */
  private static long count(Count c, RunStats run, EndpointStats scope, Measures measures) {
    return switch (c) {
      case Count.Statuses s -> scope.statuses(s.from(), s.to());
      case Count.Counter k -> {
        Measure m = measures.find(k.measure()).orElse(null);
        if (m != null && m.scope() == Measure.Scope.RUN) yield run.droppedIterations();
        yield scope.count(k.measure());
      }
    };
  }

  private static double readable(Count c, long recorded, Measures measures) {
    Measure m = c instanceof Count.Counter k ? measures.find(k.measure()).orElse(null) : null;
    return m == null ? recorded : m.readable(recorded);
  }
}
