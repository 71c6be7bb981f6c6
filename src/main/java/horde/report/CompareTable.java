package horde.report;

import horde.compare.Change;
import horde.compare.ChangeVerdict;
import horde.compare.Comparison;
import horde.compare.EndpointComparison;
import horde.compare.Interval;
import horde.compare.Measure;
import horde.compare.Presence;
import horde.compare.Tolerance;
import horde.scenario.CompareSettings.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as a console table: per endpoint, each measure's baseline and candidate values,
 * the change with its interval, and the verdict; then the notes and the overall verdict.
 */
public final class CompareTable {
  private static final String ROW = "  %-12s %10s %10s  %-18s %-24s %s%n";

  private CompareTable() {}

  public static String format(Comparison c) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%nCompare %s against %s%n", c.candidate(), describe(c)));
    b.append("Tolerance: ").append(tolerance(c.tolerance())).append(System.lineSeparator());
    if (c.baselineRuns().size() > 1)
      b.append("The intervals include the run-to-run spread of the ").append(c.baselineRuns().size()).append(" baseline runs.")
          .append(System.lineSeparator());
    String interval = String.format(Locale.ROOT, "%.0f%% interval", c.tolerance().confidencePercent());
    for (EndpointComparison e : c.endpoints()) {
      b.append(System.lineSeparator()).append(e.label());
      if (e.presence() != Presence.BOTH) {
        b.append("  (only in the ").append(e.presence() == Presence.BASELINE_ONLY ? "baseline" : "candidate").append(')')
            .append(System.lineSeparator());
        continue;
      }
      if (e.changes().stream().allMatch(ch -> ch.verdict() == ChangeVerdict.INSUFFICIENT_DATA)) {
        b.append("  insufficient data: ").append(e.changes().isEmpty() ? "nothing measured" : e.changes().get(0).note())
            .append(System.lineSeparator());
        continue;
      }
      b.append(System.lineSeparator());
      b.append(String.format(Locale.ROOT, ROW, "measure", "baseline", "candidate", "change", interval, "verdict"));
      for (Change ch : e.changes()) row(b, ch);
    }
    b.append(System.lineSeparator());
    for (String n : c.notes()) b.append("Note: ").append(n).append(System.lineSeparator());
    b.append(summary(c)).append(System.lineSeparator());
    return b.toString();
  }

  static String describe(Comparison c) {
    return c.baseline() + (c.baselineRuns().size() > 1 || !c.baseline().equals(c.baselineRuns().get(0))
        ? " (" + String.join(", ", c.baselineRuns()) + ")" : "");
  }

  public static String tolerance(Tolerance t) {
    return String.format(Locale.ROOT, "latency %s and %s, error rate %s points, throughput %s; %s confidence",
        pct(t.latencyPercent()), num(t.latencyMinMs()) + "ms", num(t.errorRatePoints()), pct(t.throughputPercent()),
        pct(t.confidencePercent()));
  }

  private static void row(StringBuilder b, Change ch) {
    Measure m = ch.measure();
    String verdict = ch.verdict().text().toUpperCase(Locale.ROOT);
    if (ch.verdict() == ChangeVerdict.REGRESSED && ch.level() == Level.WARN) verdict += " (warn)";
    boolean judged = ch.verdict() != ChangeVerdict.INSUFFICIENT_DATA;
    b.append(String.format(Locale.ROOT, ROW, m.key(), value(m, ch.baseline()), value(m, ch.candidate()),
        judged ? change(ch) : "", judged ? interval(m, ch.interval()) : "", verdict));
  }

  /** {@code +10.1ms (+20%)}, {@code +2.5 points}, {@code -31/s (-6.2%)}. */
  public static String change(Change ch) {
    Measure m = ch.measure();
    String d = signed(m, ch.delta());
    if (m.unit().equals("%")) return d;
    double p = ch.percent();
    return Double.isNaN(p) ? d : d + String.format(Locale.ROOT, " (%+.1f%%)", p);
  }

  public static String interval(Measure m, Interval i) {
    if (Double.isNaN(i.low())) return "";
    return "[" + signed(m, i.low()) + ", " + signed(m, i.high()) + "]";
  }

  public static String value(Measure m, double v) {
    if (Double.isNaN(v)) return "-";
    return switch (m.unit()) {
      case "%" -> Units.percent(v);
      case "/s" -> Units.rate(v) + "/s";
      default -> Units.ms(v);
    };
  }

  private static String signed(Measure m, double v) {
    if (Double.isInfinite(v)) return v > 0 ? "+inf" : "-inf";
    String sign = v < 0 ? "-" : "+";
    double a = Math.abs(v);
    return sign + switch (m.unit()) {
      case "%" -> num(a) + " points";
      case "/s" -> Units.rate(a) + "/s";
      default -> Units.ms(a);
    };
  }

  static String summary(Comparison c) {
    long fail = c.count(ChangeVerdict.REGRESSED, Level.FAIL);
    long warn = c.count(ChangeVerdict.REGRESSED, Level.WARN) - fail;
    long better = c.count(ChangeVerdict.IMPROVED, Level.WARN);
    long unsure = c.count(ChangeVerdict.INSUFFICIENT_DATA, Level.WARN);
    List<String> parts = new ArrayList<>();
    if (fail > 0) parts.add(fail + " regressed at fail level");
    if (warn > 0) parts.add(warn + " regressed at warn level");
    if (better > 0) parts.add(better + " improved");
    if (unsure > 0) parts.add(unsure + " with too little data");
    return "Verdict: " + c.verdict().toUpperCase(Locale.ROOT) + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
  }

  private static String pct(double v) {
    return num(v) + "%";
  }

  static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
  }
}
