package horde.report;

import horde.result.RunResult;
import horde.scenario.Measure;
import horde.scenario.Measures;
import horde.stats.Interval;
import horde.stats.LatencySummary;
import horde.stats.Names;
import horde.stats.Slice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Each endpoint over time, read from the result's per-second intervals: its requests and failures
 * per second, and p50/p95/p99 of every histogram measure it recorded (response time, and TTFT or
 * ITL when it streams, or any measure of the registry). Columns line up with the timeline.
 */
final class EndpointCharts {
  /**
   * One series: its key in the report's data, and a value per second (NaN for a gap).
   *
   * @param dash drawn dashed, so a line equal to it beneath stays visible
   */
  record Column(String key, String label, String color, double[] values, boolean dash) {}

  /** @param endpoint as shown, {@code POST /v1/chat/completions} */
  record Chart(String id, String endpoint, String title, String unit, List<Column> series) {}

  private static final String[] PERCENTILE_COLORS = {"#16a34a", "#d97706", "#7c3aed"};
  private static final double[] PERCENTILES = {50, 95, 99};

  private EndpointCharts() {}

  /** Empty when the result keeps no intervals, or they do not line up with its timeline. */
  static List<Chart> of(RunResult r) {
    List<Interval> intervals = r.stats().intervals();
    Names names = r.stats().names();
    if (names == null || intervals.isEmpty() || intervals.size() != r.stats().timeline().size()) return List.of();
    Measures measures = names.measures();
    int n = intervals.size(), endpoints = names.endpoints().size();
    double[][] requests = nan(endpoints, n), failures = nan(endpoints, n);
    double[][][][] pct = new double[endpoints][measures.histogramCount()][][];
    for (int i = 0; i < n; i++) {
      Interval iv = intervals.get(i);
      for (Slice s : iv.slices()) {
        int e = s.endpoint();
        requests[e][i] = s.counter(Measures.REQUESTS) / iv.seconds();
        failures[e][i] = s.counter(Measures.FAILURES) / iv.seconds();
        for (int m = 0; m < Math.min(s.histogramCount(), measures.histogramCount()); m++) {
          if (m == Measures.UNCORRECTED) continue;
          Histogram h = s.histogram(m);
          if (h == null || h.getTotalCount() == 0) continue;
          if (pct[e][m] == null) pct[e][m] = nan(PERCENTILES.length, n);
          for (int p = 0; p < PERCENTILES.length; p++) pct[e][m][p][i] = LatencySummary.pct(h, PERCENTILES[p]);
        }
      }
    }
    List<Chart> out = new ArrayList<>();
    for (int e = 0; e < endpoints; e++) {
      Names.Endpoint ep = names.endpoint(e);
      String label = ep.isGroup() ? ep.name() : ep.method() + " " + ep.name();
      String id = "ep" + e;
      if (!ep.isGroup()) {
        out.add(new Chart(id + "-rps", label, "Throughput", "rate", List.of(
            new Column(id + "_rps", "requests/s", "#2563eb", requests[e], false),
            new Column(id + "_fps", "failures/s", "#dc2626", failures[e], false))));
      }
      for (int m = 0; m < measures.histogramCount(); m++) {
        if (pct[e][m] == null) continue;
        Measure measure = measures.histogram(m);
        List<Column> series = new ArrayList<>();
        for (int p = 0; p < PERCENTILES.length; p++) {
          series.add(new Column(id + "_" + measure.key() + "_p" + (int) PERCENTILES[p], "p" + (int) PERCENTILES[p],
              PERCENTILE_COLORS[p], pct[e][m][p], p == PERCENTILES.length - 1));
        }
        out.add(new Chart(id + "-" + measure.key(), label, capitalized(measure.label()), unit(measure), series));
      }
    }
    return out;
  }

  private static String unit(Measure m) {
    return switch (m.unit()) {
      case MICROSECONDS -> "ms";
      case THOUSANDTHS -> "rate";
      default -> "count";
    };
  }

  private static double[][] nan(int rows, int n) {
    double[][] out = new double[rows][n];
    for (double[] row : out) Arrays.fill(row, Double.NaN);
    return out;
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
