package horde.report;

import horde.result.RunResult;
import horde.result.SearchSummary;
import java.util.Locale;

/** A capacity search in the console: the curve, level by level, with the knee marked and the conclusion. */
final class SearchTable {
  private SearchTable() {}

  static void append(StringBuilder out, RunResult r) {
    SearchSummary s = r.search();
    if (s == null) return;
    boolean ttft = s.steps().stream().anyMatch(x -> !Double.isNaN(x.ttftP95()));
    boolean dropped = s.steps().stream().anyMatch(x -> x.dropped() > 0);
    int width = Math.max(5, s.steps().stream().mapToInt(x -> s.label(x.level()).length()).max().orElse(5));
    String fmt = "%-" + width + "s %8s %7s %6s %8s %8s %8s" + (ttft ? " %8s" : "%s") + (dropped ? " %7s" : "%s")
        + " %-4s %s%n";
    out.append(String.format(Locale.ROOT, "Capacity search (%s %s to %s)%n", s.kind(), s.label(s.from()), s.label(s.to())));
    out.append(String.format(Locale.ROOT, fmt, "Level", "Time", "RPS", "Err%", "p50", "p95", "p99", ttft ? "TTFT p95" : "",
        dropped ? "Dropped" : "", "", ""));
    for (SearchSummary.Step x : s.curve()) {
      String note = x.level() == s.knee() ? "<- knee" : x.stoppedEarly() ? "stopped early, past the knee" : "";
      out.append(String.format(Locale.ROOT, fmt, s.label(x.level()), String.format(Locale.ROOT, "%.1fs", x.seconds()),
          Units.rate(x.rps()), Units.percent(x.errorRate()), Units.ms(x.p50()), Units.ms(x.p95()), Units.ms(x.p99()),
          ttft ? Units.ms(x.ttftP95()) : "", dropped ? String.valueOf(x.dropped()) : "", x.passed() ? "pass" : "FAIL", note));
    }
    out.append(s.found() ? "Knee: " + s.label(s.knee()) : "Knee: none").append(" (").append(s.conclusion()).append(")\n\n");
  }
}
