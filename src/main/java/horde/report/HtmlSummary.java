package horde.report;

import horde.criteria.CriterionResult;
import horde.criteria.Finding;
import horde.result.RunResult;
import horde.scenario.Threshold;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.LlmStats;
import horde.stats.RunStats;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The top of the HTML report: title, verdict and grade, headline figures, criteria, findings. */
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
        .append("<small>").append(Html.escape(criteriaCount(r))).append("</small>")
        .append(r.grade() == null ? "" : "<small>grade " + Html.escape(r.grade()) + "</small>").append("</div>")
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

  /** The whole run's criteria and every phase's. */
  private static String criteriaCount(RunResult r) {
    if (r.search() != null) return r.search().found() ? "knee at " + r.search().label(r.search().knee()) : "no knee found";
    List<CriterionResult> all = new ArrayList<>(r.criteria());
    r.phases().forEach(p -> all.addAll(p.criteria()));
    long missed = all.stream().filter(c -> !c.passed()).count();
    if (all.isEmpty()) return r.stats().total().failures() > 0 ? "no criteria; requests failed" : "no criteria";
    return missed == 0 ? "all " + all.size() + " criteria met" : missed + " of " + all.size() + " criteria missed";
  }

  /** Headline figures for the measured window; a second row for streaming and tokens when measured. */
  static void cards(StringBuilder h, RunResult r) {
    RunStats s = r.stats();
    EndpointStats t = s.total();
    LatencySummary l = t.summary();
    int peak = s.peakUsers();
    h.append("<div class=\"cards\">");
    card(h, "Requests", String.format(Locale.ROOT, "%,d", t.requests()), Units.bytes(t.bytesReceived()) + " received", false);
    card(h, "Failures", String.format(Locale.ROOT, "%,d", t.failures()), Units.percent(t.errorRatePercent()) + " of requests",
        t.failures() > 0);
    card(h, "Throughput", Units.rate(s.rps()) + "/s", "requests per second", false);
    card(h, "p50", Units.ms(l.p50()), "median response time", false);
    card(h, "p95", Units.ms(l.p95()), "p90 " + Units.ms(l.p90()), false);
    card(h, "p99", Units.ms(l.p99()), s.open() ? "from the send " + Units.ms(LatencySummary.of(t.uncorrected()).p99())
        : "max " + Units.ms(l.max()), false);
    card(h, s.open() ? "Peak busy users" : "Peak users", String.valueOf(peak), String.format(Locale.ROOT, "over %.0f s",
        s.runSeconds()), false);
    if (s.open() || s.droppedIterations() > 0) card(h, "Dropped", String.format(Locale.ROOT, "%,d", s.droppedIterations()),
        "iterations with no free user",
        s.droppedIterations() > 0);
    h.append("</div>\n");
    LlmStats llm = t.llm();
    if (llm == null) return;
    h.append("<div class=\"cards\">");
    if (llm.ttft().getTotalCount() > 0) {
      LatencySummary ttft = LatencySummary.of(llm.ttft());
      card(h, "Time to first token p95", Units.ms(ttft.p95()), "p50 " + Units.ms(ttft.p50()), false);
    }
    if (llm.itl().getTotalCount() > 0) {
      LatencySummary itl = LatencySummary.of(llm.itl());
      card(h, "Inter-token latency p50", Units.ms(itl.p50()), "p99 " + Units.ms(itl.p99()), false);
    }
    card(h, "Output tokens", Units.rate(s.measuredSeconds() > 0 ? llm.outputTokens() / s.measuredSeconds() : 0) + "/s",
        String.format(Locale.ROOT, "%,d out, %,d in", llm.outputTokens(), llm.inputTokens()), false);
    if (llm.cacheLookups() > 0) card(h, "Cache hits", Units.percent(llm.cacheHitRate()),
        String.format(Locale.ROOT, "of %,d lookups", llm.cacheLookups()), false);
    if (llm.cost() > 0) card(h, "Token cost", Units.money(llm.cost()), Units.money(1000 * llm.costPerRequest())
        + " per 1,000 priced requests" + (llm.costSaved() > 0 ? "; cache saved " + Units.money(llm.costSaved()) : ""),
        false);
    h.append("</div>\n");
  }

  private static void card(StringBuilder h, String label, String value, String note, boolean bad) {
    h.append("<div class=\"card").append(bad ? " bad" : "").append("\"><div class=\"label\">").append(Html.escape(label))
        .append("</div><div class=\"value\">").append(Html.escape(value)).append("</div><div class=\"note\">")
        .append(Html.escape(note)).append("</div></div>");
  }

  /**
   * Every criterion with its scope, level, actual value and status: the whole run's, then with
   * phases a table of each phase's (see {@link HtmlPhases#criteria}).
   */
  static void criteria(StringBuilder h, RunResult r) {
    h.append("<section id=\"criteria\"><h2>Criteria</h2>");
    boolean phased = r.phases().stream().anyMatch(p -> !p.criteria().isEmpty());
    if (r.criteria().isEmpty() && !phased) {
      h.append("<p class=\"empty\">The scenario sets no criteria: as in Locust, the run fails if any request failed,"
          + " and passes otherwise.</p></section>\n");
      return;
    }
    if (!r.criteria().isEmpty()) {
      if (phased) h.append("<h3>Whole run</h3>");
      h.append("<table><thead><tr>").append(Html.th("l", "Status")).append(Html.th("l", "Criterion"))
          .append(Html.th("l", "Scope")).append(Html.th("l", "If missed")).append(Html.th(null, "Actual"))
          .append("</tr></thead><tbody>");
      r.criteria().forEach(c -> criterion(h, c));
      h.append("</tbody></table>");
    }
    if (phased) HtmlPhases.criteria(h, r);
    h.append("</section>\n");
  }

  static String status(CriterionResult c) {
    return c.passed() ? "pass" : c.threshold().level() == Threshold.Level.WARN ? "warn" : "fail";
  }

  private static void criterion(StringBuilder h, CriterionResult c) {
    Threshold t = c.threshold();
    String status = status(c);
    h.append("<tr><td class=\"l\"><span class=\"status ").append(status).append("\">").append(status).append("</span></td>")
        .append(Html.td("l name", t.expression())).append(Html.td("l", t.endpoint() == null ? "whole run" : t.endpoint()))
        .append(Html.td("l", ifMissed(t)))
        .append(Html.td(c.passed() ? null : "bad", Units.of(c))).append("</tr>");
  }

  /** When Horde itself was the bottleneck, the first thing a reader sees says so. */
  static void generatorBanner(StringBuilder h, RunResult r) {
    List<Finding> own = r.findings().stream().filter(f -> f.kind().startsWith("generator_")).toList();
    if (own.isEmpty()) return;
    h.append("<div class=\"banner\" role=\"alert\"><strong>These figures describe the load generator, not only the"
        + " target.</strong>");
    for (Finding f : own) h.append("<p>").append(Html.escape(f.text())).append("</p>");
    h.append("</div>\n");
  }

  /** What a missed criterion does: a level read as its consequence, not as a result. */
  static String ifMissed(Threshold t) {
    return t.level() == Threshold.Level.WARN ? "warns" : "fails the run";
  }

  static void findings(StringBuilder h, RunResult r) {
    h.append("<section id=\"findings\"><h2>Findings<span class=\"hint\">computed from the result; the rules are in"
        + " docs/reports.md</span></h2>");
    if (r.findings().isEmpty() && r.notes().isEmpty()) {
      h.append("<p class=\"empty\">Nothing stands out: no error bursts, stalls, saturation or slow start.</p></section>\n");
      return;
    }
    h.append("<ul class=\"findings\">");
    for (String note : r.notes()) {
      h.append("<li><span class=\"tag warning\">note</span><span>").append(Html.escape(note)).append("</span></li>");
    }
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
