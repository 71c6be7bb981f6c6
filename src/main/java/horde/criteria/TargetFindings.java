package horde.criteria;

import horde.stats.Interval;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Findings that join Horde's figures with the target's own ({@code monitor:}), second by second:
 * latency that rose with a target series ("p95 rose from 400 ms to 2.9 s as the target's
 * queue_depth passed 16": the series whose values rank most like p95's, ρ ≥ 0.7, where p95 at least
 * doubled), and errors that started as a series reached its maximum ("errors started at 40 s as the
 * target's pool_in_use reached its maximum, 20"), allowing for the scrape that shows the maximum to
 * land a second after the first errors.
 */
final class TargetFindings {
  static final double MIN_CORRELATION = 0.7;
  static final int MIN_SECONDS = 20;
  /** Seconds a series' sample may be late: one scrape interval, at the default {@code every: 1s}. */
  static final int SCRAPE_LAG = 1;

  private TargetFindings() {}

  static void addTo(List<Finding> out, RunStats s) {
    List<String> names = List.copyOf(TargetSeries.names(s));
    if (names.isEmpty() || s.intervals().size() != s.timeline().size()) return;
    latency(out, s, names);
    errors(out, s, names);
  }

  private static void latency(List<Finding> out, RunStats s, List<String> names) {
    String best = null;
    double bestRho = MIN_CORRELATION;
    for (String name : names) {
      double[][] pairs = pairs(s, name);
      if (pairs[0].length < MIN_SECONDS) continue;
      double rho = spearman(pairs[0], pairs[1]);
      if (rho >= bestRho) {
        best = name;
        bestRho = rho;
      }
    }
    if (best == null) return;
    double[][] pairs = pairs(s, best);
    double[] series = pairs[0], p95 = pairs[1];
    double passed = TargetSeries.percentile(series, 50);
    List<Double> below = new ArrayList<>(), above = new ArrayList<>();
    for (int i = 0; i < series.length; i++) (series[i] > passed ? above : below).add(p95[i]);
    double low = median(below), high = median(above);
    if (!(low > 0 && high >= 2 * low)) return;
    out.add(Finding.info("target_latency", String.format(Locale.ROOT, "p95 rose from %s to %s as the target's %s passed"
        + " %s (the two moved together: rank correlation %.2f over %d s).", Figures.ms(low), Figures.ms(high), best,
        number(passed), bestRho, series.length)).at(firstAbove(s, best, passed)));
  }

  private static void errors(List<Finding> out, RunStats s, List<String> names) {
    List<TimelinePoint> points = s.timeline();
    int start = -1;
    for (int i = 0; i < points.size(); i++) {
      TimelinePoint p = points.get(i);
      if (!p.warmup() && p.failures() >= 3 && p.failures() >= 0.05 * p.requests()) {
        start = i;
        break;
      }
    }
    if (start < 5) return; // errors from the first seconds began with the run, not with the target's state
    for (String name : names) {
      double[] all = column(s.intervals(), name);
      double max = Arrays.stream(all).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
      if (!(max > 0)) continue;
      double before = latest(all, start - 5);
      if (atMaximum(all, start, max) && before < 0.9 * max) {
        out.add(Finding.info("target_errors", String.format(Locale.ROOT, "Errors started at %s as the target's %s reached"
            + " its maximum, %s (it was %s five seconds before).", Figures.at(Intervals.start(points, start)), name,
            number(max), number(before))).at(Intervals.start(points, start)));
        return;
      }
    }
  }

  /**
   * Whether the series was at its maximum (98 % of it) when errors began in second {@code start}.
   * A second holds the latest scrape's value, taken up to a scrape interval before the second ends
   * ({@value #SCRAPE_LAG} s by default): the scrape that sees the series at its maximum may land in
   * the second after the first errors, so that second counts too — no later one.
   */
  private static boolean atMaximum(double[] column, int start, double max) {
    for (int i = start; i <= start + SCRAPE_LAG && i < column.length; i++) if (latest(column, i) >= 0.98 * max) return true;
    return false;
  }

  /** The series and p95 in the measured seconds that have both. */
  private static double[][] pairs(RunStats s, String name) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < s.intervals().size(); i++) {
      Interval iv = s.intervals().get(i);
      TimelinePoint p = s.timeline().get(i);
      if (iv.target() == null || p.warmup() || p.requests() == 0) continue;
      double v = iv.target().value(name);
      if (!Double.isNaN(v)) out.add(new double[] {v, p.p95()});
    }
    return new double[][] {out.stream().mapToDouble(a -> a[0]).toArray(), out.stream().mapToDouble(a -> a[1]).toArray()};
  }

  private static double[] column(List<Interval> intervals, String name) {
    return intervals.stream().mapToDouble(i -> i.target() == null ? Double.NaN : i.target().value(name)).toArray();
  }

  /** The last value at or before second {@code i}, NaN when there is none. */
  private static double latest(double[] column, int i) {
    for (int k = Math.min(i, column.length - 1); k >= 0; k--) if (!Double.isNaN(column[k])) return column[k];
    return Double.NaN;
  }

  private static double firstAbove(RunStats s, String name, double value) {
    for (int i = 0; i < s.intervals().size(); i++) {
      Interval iv = s.intervals().get(i);
      if (iv.target() != null && iv.target().value(name) > value) return iv.t() - iv.seconds();
    }
    return Double.NaN;
  }

  /** Spearman's rank correlation: Pearson's of the ranks (ties get their mean rank). */
  static double spearman(double[] a, double[] b) {
    double[] ra = ranks(a), rb = ranks(b);
    double ma = Arrays.stream(ra).average().orElse(0), mb = Arrays.stream(rb).average().orElse(0);
    double cov = 0, va = 0, vb = 0;
    for (int i = 0; i < ra.length; i++) {
      cov += (ra[i] - ma) * (rb[i] - mb);
      va += (ra[i] - ma) * (ra[i] - ma);
      vb += (rb[i] - mb) * (rb[i] - mb);
    }
    return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
  }

  private static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; ) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
      for (int k = i; k <= j; k++) out[order[k]] = (i + j) / 2.0 + 1;
      i = j + 1;
    }
    return out;
  }

  private static double median(List<Double> values) {
    return values.isEmpty() ? Double.NaN : TargetSeries.percentile(values.stream().mapToDouble(Double::doubleValue)
        .toArray(), 50);
  }

  /** A series value as people read it: 16, 0.42, 1.2e+06. */
  static String number(double v) {
    if (Double.isNaN(v)) return "-";
    if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.format(Locale.ROOT, "%,d", (long) v);
    if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
