package horde.criteria;

import horde.scenario.Metric.Statistic;
import horde.stats.Interval;
import horde.stats.RunStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A target series ({@code monitor:}) as a measure over time: its value in each measured second of a
 * window, and statistics of those seconds — min, max, avg, last, pNN — for criteria and reports.
 * Seconds without a value (a failed scrape) are left out, not counted as zero.
 */
public final class TargetSeries {
  private TargetSeries() {}

  /** The series' values in the measured seconds of {@code run}, in time order. */
  public static double[] values(RunStats run, String series) {
    List<Double> out = new ArrayList<>();
    for (Interval i : measured(run)) {
      if (i.target() == null) continue;
      double v = i.target().value(series);
      if (!Double.isNaN(v)) out.add(v);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The seconds of the measured window: the warm-up's are left out unless the window has none (a chosen window). */
  static List<Interval> measured(RunStats run) {
    boolean skipWarmup = run.warmupSeconds() > 0;
    return run.intervals().stream().filter(i -> !(skipWarmup && i.warmup())).toList();
  }

  /** A criterion's value: the statistic of the series' seconds, in the limit's unit; NaN without data. */
  static double value(Statistic.Target t, RunStats run) {
    return stat(values(run, t.series()), t.stat(), t.percentile()) * t.scale();
  }

  /**
   * @param stat {@code min}, {@code max}, {@code avg}, {@code last}, or a percentile ({@code percentile})
   * @return NaN for no values
   */
  public static double stat(double[] values, String stat, double percentile) {
    if (values.length == 0) return Double.NaN;
    return switch (stat) {
      case "min" -> Arrays.stream(values).min().orElse(Double.NaN);
      case "max" -> Arrays.stream(values).max().orElse(Double.NaN);
      case "avg" -> Arrays.stream(values).average().orElse(Double.NaN);
      case "last" -> values[values.length - 1];
      default -> percentile(values, percentile);
    };
  }

  /** Nearest rank, as HdrHistogram reads a percentile: the least value with at least p% at or below it. */
  public static double percentile(double[] values, double p) {
    double[] v = values.clone();
    Arrays.sort(v);
    int rank = (int) Math.ceil(p / 100.0 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }

  /** Every series that has a value in some second of the run, in the order first seen. */
  public static Set<String> names(RunStats run) {
    Set<String> out = new LinkedHashSet<>();
    for (Interval i : run.intervals()) if (i.target() != null) out.addAll(i.target().values().keySet());
    return out;
  }
}
