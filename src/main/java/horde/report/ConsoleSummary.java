package horde.report;

import horde.criteria.CriterionResult;
import horde.criteria.Finding;
import horde.result.RunResult;
import horde.scenario.Threshold;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.RunStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The end-of-run summary: endpoints, failures by reason, findings, criteria and the verdict. */
public final class ConsoleSummary {
  private static final int MAX_NAME = 48;
  private static final int WRAP = 96;

  private ConsoleSummary() {}

  public static String format(RunResult r) {
    RunStats s = r.stats();
    StringBuilder out = new StringBuilder();
    out.append(header(r)).append('\n');
    if (r.search() == null) PhaseTable.append(out, r);
    else SearchTable.append(out, r);
    endpoints(out, s);
    statuses(out, s);
    LlmTable.append(out, s);
    failures(out, s);
    WorkerTable.append(out, r);
    findings(out, r.findings());
    TargetTable.append(out, r);
    criteria(out, r.criteria());
    notes(out, s);
    r.notes().forEach(n -> out.append(n).append('\n'));
    if (r.grade() != null) out.append("Grade: ").append(r.grade()).append('\n');
    out.append(String.format(Locale.ROOT, "Verdict: %s%s%n", r.verdict().name(), verdictDetail(r)));
    return out.toString();
  }

  private static String header(RunResult r) {
    RunStats s = r.stats();
    String warm = s.warmupSeconds() > 0 ? String.format(Locale.ROOT, " (%.0fs warm-up excluded)", s.warmupSeconds()) : "";
    return String.format(Locale.ROOT, "%n%s against %s: %.1fs%s%n", r.scenario().get("name"), r.scenario().get("target"),
        s.runSeconds(), warm);
  }

  /** The endpoints and their total; then transactions (groups), which the total leaves out. */
  private static void endpoints(StringBuilder out, RunStats s) {
    int width = Math.max(8, s.endpoints().stream().mapToInt(e -> shorten(e.name()).length()).max().orElse(8));
    String fmt = "%-" + width + "s %-7s %9s %8s %6s %8s %8s %8s %8s %8s%n";
    out.append(String.format(Locale.ROOT, fmt, "Endpoint", "Method", "Requests", "Failures", "Err%", "RPS", "p50", "p95", "p99", "max"));
    List<EndpointStats> rows = new ArrayList<>(s.endpoints().stream().filter(e -> !e.isGroup()).toList());
    rows.add(s.total());
    for (EndpointStats e : rows) row(out, fmt, e.name(), e.method(), e, s);
    List<EndpointStats> groups = s.endpoints().stream().filter(EndpointStats::isGroup).toList();
    if (groups.isEmpty()) return;
    out.append(String.format(Locale.ROOT, "%nTransactions (timed end to end; their requests are counted above)%n"));
    for (EndpointStats e : groups) row(out, fmt, e.name(), "", e, s);
  }

  private static void row(StringBuilder out, String fmt, String name, String method, EndpointStats e, RunStats s) {
    // no answer at all (everything failed early, or fell in the warm-up): no latency to show
    double none = Double.NaN;
    LatencySummary l = e.latency().getTotalCount() > 0 ? e.summary() : new LatencySummary(none, none, none, none, none, none, none, none);
    out.append(String.format(Locale.ROOT, fmt, shorten(name), method, e.requests(), e.failures(),
        e.requests() == 0 ? "-" : Units.percent(e.errorRatePercent()), Units.rate(s.rps(e)), Units.ms(l.p50()),
        Units.ms(l.p95()), Units.ms(l.p99()), Units.ms(l.max())));
  }

  /** Every answer's status per endpoint, expected ones included: a run of fast 429s shows here. */
  private static void statuses(StringBuilder out, RunStats s) {
    List<EndpointStats> answered = s.endpoints().stream().filter(e -> !e.isGroup() && !e.statuses().isEmpty()).toList();
    if (answered.isEmpty()) return;
    out.append("\nAnswers by status\n");
    for (EndpointStats e : answered) {
      StringBuilder codes = new StringBuilder();
      e.statuses().forEach((code, n) -> codes.append(codes.isEmpty() ? "" : "  ").append(code == 0 ? "other" : code)
          .append(": ").append(String.format(Locale.ROOT, "%,d", n)));
      out.append(String.format(Locale.ROOT, "  %-7s %-" + MAX_NAME + "s %s%n", e.method(), shorten(e.name()), codes));
    }
  }

  private static void failures(StringBuilder out, RunStats s) {
    if (s.total().failures() == 0) return;
    out.append("\nFailures by reason\n");
    for (EndpointStats e : s.endpoints()) {
      if (e.isGroup()) continue; // a transaction fails with its failed request's reason, listed already
      e.failuresByReason().forEach((reason, n) -> {
        String sample = e.samples().get(reason);
        out.append(String.format(Locale.ROOT, "  %-7s %-" + MAX_NAME + "s %8d  %s%n", e.method(), shorten(e.name()), n, reason));
        if (sample != null) out.append("          e.g. ").append(clip(sample, WRAP - 15)).append('\n');
      });
    }
  }

  /** Warnings marked {@code !}, the rest {@code -}, wrapped to stay readable in an 80-100 column terminal. */
  private static void findings(StringBuilder out, List<Finding> findings) {
    if (findings.isEmpty()) return;
    out.append("\nFindings\n");
    for (Finding f : findings) {
      String mark = f.level() == Finding.Level.WARNING ? "  ! " : "  - ";
      out.append(mark).append(wrap(f.text(), WRAP, "    ")).append('\n');
    }
  }

  static String wrap(String text, int width, String indent) {
    StringBuilder b = new StringBuilder();
    int column = 0;
    for (String word : text.split(" ")) {
      if (column > 0 && column + 1 + word.length() > width) {
        b.append('\n').append(indent);
        column = 0;
      } else if (column > 0) {
        b.append(' ');
        column++;
      }
      b.append(word);
      column += word.length();
    }
    return b.toString();
  }

  private static void criteria(StringBuilder out, List<CriterionResult> criteria) {
    if (criteria.isEmpty()) return;
    out.append("\nCriteria\n");
    for (CriterionResult c : criteria) {
      String status = c.passed() ? "pass" : c.threshold().level() == Threshold.Level.WARN ? "WARN" : "FAIL";
      String scope = c.threshold().endpoint() == null ? "" : " [" + c.threshold().endpoint() + "]";
      out.append(String.format(Locale.ROOT, "  %-4s  %-30s actual %s%n", status, c.threshold().expression() + scope,
          Units.of(c)));
    }
  }

  private static void notes(StringBuilder out, RunStats s) {
    out.append('\n');
    if (s.aborted()) out.append("The run was stopped early; the figures cover what ran.\n");
    if (s.droppedIterations() > 0)
      out.append(String.format(Locale.ROOT, "%d iteration(s) dropped: no free user when they were due (not sent).%n",
          s.droppedIterations()));
    if (s.cancelledInFlight() > 0)
      out.append(String.format(Locale.ROOT, "%d request(s) still in flight at the end were cut off (not counted).%n", s.cancelledInFlight()));
  }

  private static String verdictDetail(RunResult r) {
    if (r.search() != null) return " (capacity search: " + r.search().conclusion() + ")";
    List<CriterionResult> criteria = new ArrayList<>(r.criteria());
    r.phases().forEach(p -> criteria.addAll(p.criteria()));
    long failed = criteria.stream().filter(c -> !c.passed()).count();
    if (criteria.isEmpty()) {
      long failedRequests = r.stats().total().failures();
      return failedRequests == 0 ? " (no criteria, no failed request)" : String.format(Locale.ROOT,
          " (no criteria; %,d request%s failed)", failedRequests, failedRequests == 1 ? "" : "s");
    }
    if (criteria.size() == 1) return failed == 0 ? " (its criterion met)" : " (its criterion not met)";
    if (failed == 0) return String.format(Locale.ROOT, " (all %d criteria met)", criteria.size());
    return String.format(Locale.ROOT, " (%d of %d criteria not met)", failed, criteria.size());
  }

  private static String shorten(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 13) + "..." + name.substring(name.length() - 10);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
