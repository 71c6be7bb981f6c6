package horde.report;

import horde.result.PhaseResult;
import horde.result.RunResult;
import horde.scenario.Threshold;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import java.util.Locale;

/**
 * A row per phase — the ladder at a glance — with each phase's missed criteria below it. Time to
 * first token and dropped iterations get a column when some phase has them.
 */
final class PhaseTable {
  private PhaseTable() {}

  static void append(StringBuilder out, RunResult r) {
    if (r.phases().isEmpty()) return;
    int width = Math.max(5, r.phases().stream().mapToInt(p -> p.name().length()).max().orElse(5));
    int load = Math.max(4, r.phases().stream().mapToInt(p -> LoadText.of(p.settings()).length()).max().orElse(4));
    boolean streams = r.phases().stream().anyMatch(p -> ttft(p) != null);
    boolean open = r.phases().stream().anyMatch(p -> p.stats().open());
    String fmt = "%-" + width + "s %-" + load + "s %9s %7s %6s %8s %8s %8s" + (streams ? " %8s" : "%s") + (open ? " %7s" : "%s")
        + " %-10s %s%n";
    out.append(String.format(Locale.ROOT, fmt, "Phase", "Load", "Requests", "RPS", "Err%", "p50", "p95", "p99",
        streams ? "TTFT p95" : "", open ? "Dropped" : "", "Grade", "Verdict"));
    for (PhaseResult p : r.phases()) {
      EndpointStats t = p.stats().total();
      LatencySummary l = t.summary();
      String ttft = ttft(p);
      out.append(String.format(Locale.ROOT, fmt, p.name(), LoadText.of(p.settings()), t.requests(), Units.rate(p.stats().rps()),
          Units.percent(t.errorRatePercent()), Units.ms(l.p50()), Units.ms(l.p95()), Units.ms(l.p99()),
          streams ? (ttft == null ? "-" : ttft) : "",
          open ? (p.stats().open() ? String.valueOf(p.stats().droppedIterations()) : "-") : "",
          p.grade() == null ? "-" : p.grade(), p.verdict().name()));
      p.criteria().stream().filter(c -> !c.passed()).forEach(c -> out.append(String.format(Locale.ROOT,
          "  %s %s%s: actual %s%n", c.threshold().level() == Threshold.Level.WARN ? "WARN" : "FAIL",
          c.threshold().expression(), c.threshold().endpoint() == null ? "" : " [" + c.threshold().endpoint() + "]",
          Units.of(c))));
    }
    out.append('\n');
  }

  /** The phase's TTFT p95, or null when nothing streamed. */
  private static String ttft(PhaseResult p) {
    var llm = p.stats().total().llm();
    return llm == null || llm.ttft().getTotalCount() == 0 ? null : Units.ms(LatencySummary.of(llm.ttft()).p95());
  }
}
