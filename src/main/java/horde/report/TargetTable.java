package horde.report;

import horde.criteria.TargetSeries;
import horde.result.RunResult;
import horde.result.TargetSummary;
import java.util.Locale;

/**
 * The target's own metrics at the end of the console summary: each endpoint's scrapes and
 * failures (a failing one with its last error), and a line per series with its statistics over
 * the measured seconds. A second-by-second view is in the HTML report and the result file.
 */
final class TargetTable {
  private TargetTable() {}

  static void append(StringBuilder out, RunResult r) {
    TargetSummary t = r.target();
    if (t == null) return;
    out.append("\nTarget metrics\n");
    for (TargetSummary.Scraped e : t.endpoints()) {
      out.append(String.format(Locale.ROOT, "  %s: %,d scrapes, %,d failed%s%n", e.url(), e.scrapes(), e.failures(),
          e.lastError() == null ? "" : " (last: " + e.lastError() + ")"));
    }
    int width = Math.max(6, t.series().keySet().stream().mapToInt(String::length).max().orElse(6));
    String fmt = "  %-" + width + "s %10s %10s %10s %10s %10s %8s%n";
    out.append(String.format(Locale.ROOT, fmt, "Series", "min", "avg", "max", "p95", "last", "seconds"));
    for (String name : t.series().keySet()) {
      double[] v = TargetSeries.values(r.stats(), name);
      out.append(String.format(Locale.ROOT, fmt, name, value(name, v, "min"), value(name, v, "avg"), value(name, v, "max"),
          value(name, v, "p95"), value(name, v, "last"), v.length));
    }
  }

  /** A statistic in the series' own unit, as its name says: seconds as times, ratios as percentages. */
  static String value(String name, double[] values, String stat) {
    double v = TargetSeries.stat(values, stat, stat.startsWith("p") ? Double.parseDouble(stat.substring(1)) : Double.NaN);
    if (Double.isNaN(v)) return "-";
    if (name.endsWith("_seconds")) return Units.ms(v * 1000);
    if (name.endsWith("_ratio")) return Units.percent(v * 100);
    if (name.endsWith("_percent")) return Units.percent(v);
    if (name.endsWith("_bytes")) return Units.bytes((long) v);
    return Units.number(v);
  }
}
