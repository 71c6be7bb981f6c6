package horde.report;

import horde.criteria.CriterionResult;
import horde.result.PhaseResult;
import horde.result.RunResult;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.scenario.Threshold;
import horde.stats.RunStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The phases of a run side by side, the ladder at a glance: load, figures, criteria, grade and verdict of each. */
final class HtmlPhases {
  private HtmlPhases() {}

  static void table(StringBuilder h, RunResult r) {
    if (r.phases().isEmpty()) return;
    boolean streams = r.phases().stream().anyMatch(p -> p.stats().total().llm() != null
        && p.stats().total().llm().ttft().getTotalCount() > 0);
    boolean open = r.phases().stream().anyMatch(p -> p.stats().open());
    boolean grades = r.phases().stream().anyMatch(p -> p.grade() != null);
    h.append("<section id=\"phases\"><h2>Phases<span class=\"hint\">each judged on its own criteria, measured after its own"
        + " warm-up</span></h2><div class=\"scroll\"><table><thead><tr>").append(Html.th("l", "Phase"))
        .append(Html.th(null, "Start")).append(Html.th("l", "Load"));
    List<String> columns = new ArrayList<>(List.of("Requests", "RPS", "Err %", "p50", "p95", "p99"));
    if (streams) columns.add("TTFT p95");
    if (open) columns.add("Dropped");
    columns.forEach(c -> h.append(Html.th(null, c)));
    if (grades) h.append(Html.th("l", "Grade"));
    h.append(Html.th("l", "Verdict")).append(Html.th(null, "Criteria met")).append("</tr></thead><tbody>");
    for (PhaseResult p : r.phases()) {
      RunStats s = p.stats();
      EndpointStats t = s.total();
      LatencySummary l = t.summary();
      boolean answered = t.latency().getTotalCount() > 0;
      h.append("<tr>").append(Html.td("l name", p.name())).append(Html.td(null, HtmlSummary.elapsed(p.startSeconds())))
          .append(Html.td("l", LoadText.of(p.settings())))
          .append(Html.td(null, String.format(Locale.ROOT, "%,d", t.requests()))).append(Html.td(null, Units.rate(s.rps())))
          .append(Html.td(t.failures() > 0 ? "bad" : null, Units.percent(t.errorRatePercent())));
      for (double v : new double[] {l.p50(), l.p95(), l.p99()}) h.append(Html.td(null, answered ? Units.ms(v) : "-"));
      if (streams) {
        boolean streamed = t.llm() != null && t.llm().ttft().getTotalCount() > 0;
        h.append(Html.td(null, streamed ? Units.ms(LatencySummary.of(t.llm().ttft()).p95()) : "-"));
      }
      if (open) {
        h.append(Html.td(s.droppedIterations() > 0 ? "bad" : null, s.open() ? String.format(Locale.ROOT, "%,d",
            s.droppedIterations()) : "-"));
      }
      if (grades) h.append("<td class=\"l\">").append(p.grade() == null ? "" : "<span class=\"grade\">"
          + Html.escape(p.grade()) + "</span>").append("</td>");
      String verdict = p.verdict().lower();
      long met = p.criteria().stream().filter(c -> c.passed()).count();
      h.append("<td class=\"l\"><span class=\"status ").append(verdict).append("\">").append(verdict).append("</span></td>")
          .append(Html.td(met < p.criteria().size() ? "bad" : null, p.criteria().isEmpty() ? "-"
              : met + " of " + p.criteria().size())).append("</tr>");
    }
    h.append("</tbody></table></div></section>\n");
  }

  /**
   * Each phase's criteria side by side: a row per criterion (its expression, scope and level), a
   * column per phase with the actual value and its status; empty where a phase lacks it.
   */
  static void criteria(StringBuilder h, RunResult r) {
    Map<String, Threshold> rows = new LinkedHashMap<>();
    for (PhaseResult p : r.phases()) p.criteria().forEach(c -> rows.putIfAbsent(key(c.threshold()), c.threshold()));
    h.append("<h3>By phase</h3><div class=\"scroll\"><table class=\"matrix\"><thead><tr>").append(Html.th("l", "Criterion"))
        .append(Html.th("l", "Scope")).append(Html.th("l", "If missed"));
    for (PhaseResult p : r.phases()) h.append(Html.th(null, p.name()));
    h.append("</tr></thead><tbody>");
    for (Map.Entry<String, Threshold> row : rows.entrySet()) {
      Threshold t = row.getValue();
      h.append("<tr>").append(Html.td("l name", t.expression())).append(Html.td("l", t.endpoint() == null ? "whole phase"
          : t.endpoint())).append(Html.td("l", HtmlSummary.ifMissed(t)));
      for (PhaseResult p : r.phases()) {
        CriterionResult c = p.criteria().stream().filter(x -> key(x.threshold()).equals(row.getKey())).findFirst().orElse(null);
        if (c == null) {
          h.append("<td></td>");
          continue;
        }
        String status = HtmlSummary.status(c);
        h.append("<td><span class=\"value ").append(status).append("\">").append(Html.escape(Units.of(c)))
            .append("</span> <span class=\"status ").append(status).append("\">").append(status).append("</span></td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table></div>");
  }

  private static String key(Threshold t) {
    return t.expression() + "\u0000" + t.endpoint() + "\u0000" + t.level();
  }
}
