package horde.report;

import horde.criteria.CriterionResult;
import horde.criteria.Finding;
import horde.result.RunResult;
import horde.scenario.Threshold;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The top of the HTML report: title and verdict, headline figures, criteria, findings. */
final class HtmlSummary {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);

  private HtmlSummary() {}

  static void header(StringBuilder h, RunResult r) {
    RunStats s = r.stats();
    String verdict = r.verdict().lower();
    h.append("<header class=\"top\"><div class=\"inner\"><div>")
        .append("<div class=\"kicker\">Horde load test report</div>")
        .append("<h1>").append(Html.escape(r.scenario().getOrDefault("name", "run"))).append("</h1>")
        .append("<div class=\"sub\">against <code>").append(Html.escape(r.scenario().getOrDefault("target", "")))
        .append("</code> · started ").append(Html.escape(when(r.startedAt()))).append(" · ")
        .append(Html.escape(duration(s))).append("</div></div>")
        .append("<div class=\"verdict ").append(verdict).append("\">").append(verdict.toUpperCase(Locale.ROOT))
        .append("<small>").append(Html.escape(criteriaCount(r))).append("</small></div>")
        .append("</div></header>\n");
  }

  static String when(String startedAt) {
    try {
      return WHEN.format(Instant.parse(startedAt).atOffset(ZoneOffset.UTC));
    } catch (RuntimeException e) {
      return startedAt == null ? "" : startedAt;
    }
  }

  static String duration(RunStats s) {
    String run = String.format(Locale.ROOT, "%.1f s", s.runSeconds());
    if (s.warmupSeconds() <= 0) return run;
    return String.format(Locale.ROOT, "%s (%.0f s warm-up, %.1f s measured)", run, s.warmupSeconds(), s.measuredSeconds());
  }

  private static String criteriaCount(RunResult r) {
    long missed = r.criteria().stream().filter(c -> !c.passed()).count();
    if (r.criteria().isEmpty()) return "no criteria";
    return missed == 0 ? "all " + r.criteria().size() + " criteria met" : missed + " of " + r.criteria().size() + " criteria missed";
  }

  /** Headline figures for the measured window. */
  static void cards(StringBuilder h, RunResult r) {
    RunStats s = r.stats();
    EndpointStats t = s.total();
    LatencySummary l = t.summary();
    int peak = s.timeline().stream().mapToInt(TimelinePoint::users).max().orElse(0);
    h.append("<div class=\"cards\">");
    card(h, "Requests", String.format(Locale.ROOT, "%,d", t.requests()), Units.bytes(t.bytesReceived()) + " received", false);
    card(h, "Failures", String.format(Locale.ROOT, "%,d", t.failures()), Units.percent(t.errorRatePercent()) + " of requests",
        t.failures() > 0);
    card(h, "Throughput", Units.rate(s.rps()) + "/s", "requests per second", false);
    card(h, "p50", Units.ms(l.p50()), "median response time", false);
    card(h, "p95", Units.ms(l.p95()), "p90 " + Units.ms(l.p90()), false);
    card(h, "p99", Units.ms(l.p99()), "max " + Units.ms(l.max()), false);
    card(h, "Peak users", String.valueOf(peak), String.format(Locale.ROOT, "over %.0f s", s.runSeconds()), false);
    h.append("</div>\n");
  }

  private static void card(StringBuilder h, String label, String value, String note, boolean bad) {
    h.append("<div class=\"card").append(bad ? " bad" : "").append("\"><div class=\"label\">").append(Html.escape(label))
        .append("</div><div class=\"value\">").append(Html.escape(value)).append("</div><div class=\"note\">")
        .append(Html.escape(note)).append("</div></div>");
  }

  /** Every criterion with its scope, level, actual value and status. (Grades per phase go here once phases exist.) */
  static void criteria(StringBuilder h, RunResult r) {
    h.append("<section id=\"criteria\"><h2>Criteria</h2>");
    if (r.criteria().isEmpty()) {
      h.append("<p class=\"empty\">The scenario sets no criteria, so the run passes by default.</p></section>\n");
      return;
    }
    h.append("<table><thead><tr>").append(Html.th("l", "Status")).append(Html.th("l", "Criterion"))
        .append(Html.th("l", "Scope")).append(Html.th("l", "Level")).append(Html.th(null, "Actual")).append("</tr></thead><tbody>");
    for (CriterionResult c : r.criteria()) {
      Threshold t = c.threshold();
      String status = c.passed() ? "pass" : t.level() == Threshold.Level.WARN ? "warn" : "fail";
      h.append("<tr><td class=\"l\"><span class=\"status ").append(status).append("\">").append(status).append("</span></td>")
          .append(Html.td("l name", t.expression())).append(Html.td("l", t.endpoint() == null ? "whole run" : t.endpoint()))
          .append(Html.td("l", t.level().name().toLowerCase(Locale.ROOT)))
          .append(Html.td(c.passed() ? null : "bad", Units.of(t.metric(), c.actual()))).append("</tr>");
    }
    h.append("</tbody></table></section>\n");
  }

  static void findings(StringBuilder h, RunResult r) {
    h.append("<section id=\"findings\"><h2>Findings<span class=\"hint\">computed from the result; the rules are in"
        + " docs/reports.md</span></h2>");
    if (r.findings().isEmpty()) {
      h.append("<p class=\"empty\">Nothing stands out: no error bursts, stalls, saturation or slow start.</p></section>\n");
      return;
    }
    h.append("<ul class=\"findings\">");
    for (Finding f : r.findings()) {
      h.append("<li><span class=\"tag ").append(f.level().lower()).append("\">").append(f.level().lower()).append("</span>");
      if (f.hasTime()) h.append("<span class=\"at\">at ").append(Html.escape(elapsed(f.atSeconds()))).append("</span>");
      h.append("<span>").append(Html.escape(f.text())).append("</span></li>");
    }
    h.append("</ul></section>\n");
  }

  static String elapsed(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
