package horde.report;

import horde.result.PhaseResult;
import horde.result.RunResult;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import java.util.Locale;

/** A row per phase — the ladder at a glance — with each phase's failed criteria below it. */
final class PhaseTable {
  private PhaseTable() {}

  static void append(StringBuilder out, RunResult r) {
    if (r.phases().isEmpty()) return;
    int width = Math.max(5, r.phases().stream().mapToInt(p -> p.name().length()).max().orElse(5));
    String fmt = "%-" + width + "s %9s %8s %6s %8s %8s %8s %8s %-10s %s%n";
    out.append(String.format(Locale.ROOT, fmt, "Phase", "Requests", "RPS", "Err%", "avg", "p50", "p95", "p99", "Grade", "Verdict"));
    for (PhaseResult p : r.phases()) {
      EndpointStats t = p.stats().total();
      LatencySummary l = t.summary();
      out.append(String.format(Locale.ROOT, fmt, p.name(), t.requests(), Units.rate(p.stats().rps()),
          Units.percent(t.errorRatePercent()), Units.ms(l.avg()), Units.ms(l.p50()), Units.ms(l.p95()), Units.ms(l.p99()),
          p.grade() == null ? "-" : p.grade(), p.verdict().name()));
      p.criteria().stream().filter(c -> !c.passed()).forEach(c -> out.append(String.format(Locale.ROOT,
          "  %s %s: actual %s%n", c.threshold().level() == horde.scenario.Threshold.Level.WARN ? "WARN" : "FAIL",
          c.threshold().expression(), Units.of(c.threshold().metric(), c.actual()))));
    }
    out.append('\n');
  }
}
