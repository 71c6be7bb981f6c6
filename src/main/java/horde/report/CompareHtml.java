package horde.report;

import horde.compare.Change;
import horde.compare.ChangeVerdict;
import horde.compare.Comparison;
import horde.compare.EndpointComparison;
import horde.compare.KneeComparison;
import horde.compare.Measured;
import horde.compare.Presence;
import horde.result.RunResult;
import horde.scenario.CompareSettings.Level;
import horde.stats.EndpointStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A comparison as one self-contained HTML page, built like the run report (same template, styles,
 * chart script and Content-Security-Policy): the verdict table, both runs' percentile curves
 * overlaid, and both timelines.
 */
public final class CompareHtml {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String BASELINE_COLOR = "#6b7280";
  private static final String CANDIDATE_COLOR = "#2563eb";

  private CompareHtml() {}

  public static void write(Comparison c, List<RunResult> baseline, RunResult candidate, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, of(c, baseline, candidate));
  }

  /** Two capacity searches compared by their knees: the console's lines as a page. */
  public static String of(KneeComparison k) {
    return "<!doctype html>\n<meta charset=\"utf-8\"><title>" + Html.escape(k.candidate() + " against " + k.baseline())
        + "</title>\n<pre>" + Html.escape(k.format()) + "</pre>\n";
  }

  public static String of(Comparison c, List<RunResult> baseline, RunResult candidate) {
    StringBuilder body = new StringBuilder(32 * 1024);
    String verdict = c.failed(false) ? "fail" : c.verdict().equals("regressed") ? "warn" : "pass";
    body.append("<header class=\"top\"><div class=\"inner\"><div><div class=\"kicker\">Horde comparison</div><h1>")
        .append(Html.escape(candidate.scenario().getOrDefault("name", "run"))).append("</h1><div class=\"sub\">")
        .append(Html.escape(c.candidate())).append(" against ").append(Html.escape(c.baseline()))
        .append(c.baselineRuns().size() > 1 ? " (" + Html.escape(String.join(", ", c.baselineRuns())) + ")" : "")
        .append(" · ").append(Html.escape(CompareTable.tolerance(c.tolerance()))).append("</div></div><div class=\"verdict ")
        .append(verdict).append("\">").append(c.verdict().toUpperCase(Locale.ROOT)).append("</div></div></header>\n<main>\n");
    if (!c.notes().isEmpty()) {
      body.append("<section><h2>Notes</h2><ul>");
      c.notes().forEach(n -> body.append("<li>").append(Html.escape(n)).append("</li>"));
      body.append("</ul></section>\n");
    }
    table(body, c);
    body.append("<section id=\"distribution\"><h2>Latency distribution<span class=\"hint\">baseline dashed, candidate solid;"
        + " from the histograms</span></h2><figure class=\"chart\" data-chart=\"distribution\"><div class=\"plot\"></div>"
        + "</figure></section>\n<section id=\"over-time\"><h2>Over time<span class=\"hint\">seconds since each run's start</span>"
        + "</h2><div class=\"grid2\">");
    for (String[] chart : new String[][] {{"throughput", "Throughput", "requests per second"}, {"latency", "Response time", "p95 of each second"}}) {
      body.append("<figure class=\"chart\" data-chart=\"").append(chart[0]).append("\"><figcaption>").append(chart[1])
          .append(" <span>").append(chart[2]).append("</span></figcaption><div class=\"plot\"></div></figure>");
    }
    body.append("</div></section>\n<footer>Made by Horde from the runs' result files; method in docs/compare.md. Charts by uPlot ")
        .append(HtmlReport.UPLOT_VERSION).append(" (MIT licence), inlined.</footer>\n</main>");
    String uplotCss = HtmlReport.resource("uPlot.min.css"), css = HtmlReport.resource("report.css");
    String uplotJs = HtmlReport.resource("uPlot.iife.min.js") + "\n/* uPlot licence:\n" + HtmlReport.resource("uPlot.LICENSE") + "*/";
    String js = HtmlReport.resource("report.js");
    String csp = "default-src 'none'; script-src " + HtmlReport.hash(uplotJs) + " " + HtmlReport.hash(js) + "; style-src "
        + HtmlReport.hash(uplotCss) + " " + HtmlReport.hash(css) + "; base-uri 'none'; form-action 'none'";
    return HtmlReport.fill(HtmlReport.resource("report.html"), Map.of("csp", csp, "version", Html.escape(candidate.hordeVersion()),
        "title", Html.escape("Horde comparison: " + c.candidate() + " against " + c.baseline() + " (" + c.verdict() + ")"),
        "uplot_css", uplotCss, "report_css", css, "body", body.toString(), "data", ChartData.embeddable(data(baseline, candidate)),
        "uplot_js", uplotJs, "report_js", js));
  }

  private static void table(StringBuilder h, Comparison c) {
    h.append("<section id=\"verdicts\"><h2>Verdicts<span class=\"hint\">").append(Html.escape(String.format(Locale.ROOT,
        "a change counts when its %.0f%% interval excludes no change and it exceeds the tolerance", c.tolerance().confidencePercent())))
        .append("</span></h2><table class=\"dense\"><thead><tr>").append(Html.th("l", "Endpoint")).append(Html.th(null, "Measure"))
        .append(Html.th(null, "Baseline")).append(Html.th(null, "Candidate")).append(Html.th(null, "Change"))
        .append(Html.th(null, "Interval")).append(Html.th(null, "Tolerance")).append(Html.th("l", "Verdict"))
        .append("</tr></thead><tbody>");
    for (EndpointComparison e : c.endpoints()) {
      if (e.presence() != Presence.BOTH) {
        h.append("<tr>").append(Html.td("l name", e.label())).append("<td colspan=\"7\" class=\"l\">only in the ")
            .append(e.presence() == Presence.BASELINE_ONLY ? "baseline" : "candidate").append("</td></tr>");
        continue;
      }
      if (e.changes().stream().allMatch(ch -> ch.verdict() == ChangeVerdict.INSUFFICIENT_DATA)) {
        h.append("<tr>").append(Html.td("l name", e.label())).append("<td colspan=\"7\" class=\"l\">insufficient data: ")
            .append(Html.escape(e.changes().isEmpty() ? "nothing measured" : e.changes().get(0).note())).append("</td></tr>");
        continue;
      }
      boolean first = true;
      for (Change ch : e.changes()) {
        String status = ch.verdict() == ChangeVerdict.REGRESSED ? (ch.level() == Level.FAIL ? "fail" : "warn")
            : ch.verdict() == ChangeVerdict.IMPROVED ? "pass" : "";
        h.append("<tr>").append(Html.td("l name", first ? e.label() : "")).append(Html.td(null, ch.measure().key()))
            .append(Html.td(null, CompareTable.value(ch.measure(), ch.baseline())))
            .append(Html.td(null, CompareTable.value(ch.measure(), ch.candidate())))
            .append(Html.td(null, ch.verdict() == ChangeVerdict.INSUFFICIENT_DATA ? "" : CompareTable.change(ch)))
            .append(Html.td(null, CompareTable.interval(ch.measure(), ch.interval())))
            .append(Html.td(null, Double.isNaN(ch.tolerance()) ? "" : "±" + CompareTable.value(ch.measure(), ch.tolerance()).replace("%", " points")))
            .append("<td class=\"l\" title=\"").append(Html.escape(ch.note() != null ? ch.note() : ch.test())).append("\">")
            .append(status.isEmpty() ? Html.escape(ch.verdict().text()) : "<span class=\"status " + status + "\">"
                + Html.escape(ch.verdict().text()) + "</span>").append("</td></tr>");
        first = false;
      }
    }
    h.append("</tbody></table></section>\n");
  }

  /** The data report.js draws: two time charts with a series per run, and the overlaid percentile curves. */
  private static ObjectNode data(List<RunResult> baseline, RunResult candidate) {
    ObjectNode root = MAPPER.createObjectNode();
    List<List<Measured.Second>> timelines = new ArrayList<>();
    baseline.forEach(r -> timelines.add(Measured.timeline(r)));
    timelines.add(Measured.timeline(candidate));
    int n = timelines.stream().mapToInt(List::size).max().orElse(0);
    ArrayNode t = root.putArray("t");
    for (int i = 1; i <= n; i++) t.add(i);
    ObjectNode series = root.putObject("series");
    ArrayNode charts = root.putArray("charts");
    ArrayNode rps = charts.addObject().put("id", "throughput").put("unit", "rate").putArray("series");
    ArrayNode p95 = charts.addObject().put("id", "latency").put("unit", "ms").putArray("series");
    for (int r = 0; r < timelines.size(); r++) {
      boolean cand = r == timelines.size() - 1;
      String label = cand ? "candidate" : baseline.size() == 1 ? "baseline" : "baseline run " + (r + 1);
      String color = cand ? CANDIDATE_COLOR : BASELINE_COLOR;
      rps.addObject().put("key", "rps" + r).put("label", label).put("color", color).put("fill", false);
      p95.addObject().put("key", "p95" + r).put("label", label).put("color", color).put("fill", false);
      ArrayNode a = series.putArray("rps" + r), b = series.putArray("p95" + r);
      List<Measured.Second> line = timelines.get(r);
      for (int i = 0; i < n; i++) {
        if (i < line.size()) {
          a.add(line.get(i).rps());
          if (Double.isNaN(line.get(i).p95())) b.addNull();
          else b.add(line.get(i).p95());
        } else {
          a.addNull();
          b.addNull();
        }
      }
    }
    root.putArray("bands");
    root.putArray("phases");
    root.putArray("markers");
    root.set("distribution", curves(baseline, candidate));
    return root;
  }

  /** All requests, then up to four endpoints both runs have: baseline dashed, candidate solid. */
  private static ObjectNode curves(List<RunResult> baseline, RunResult candidate) {
    Histogram base = new Histogram(3);
    baseline.forEach(r -> base.add(r.stats().total().latency()));
    Histogram cand = candidate.stats().total().latency();
    List<Double> x = LatencyCurve.xs(Math.min(Math.max(1, base.getTotalCount()), Math.max(1, cand.getTotalCount())));
    ObjectNode out = MAPPER.createObjectNode();
    ArrayNode xa = out.putArray("x");
    x.forEach(xa::add);
    ArrayNode list = out.putArray("series");
    curve(list, "baseline, all requests", "#111827", true, base, x);
    curve(list, "candidate, all requests", "#111827", false, cand, x);
    int color = 0;
    for (EndpointStats e : candidate.stats().endpoints()) {
      if (color >= 4 || e.latency().getTotalCount() == 0) continue;
      Histogram b = new Histogram(3);
      for (RunResult r : baseline) {
        r.stats().endpoints().stream().filter(o -> o.name().equals(e.name()) && o.method().equals(e.method()))
            .forEach(o -> b.add(o.latency()));
      }
      if (b.getTotalCount() == 0) continue;
      String label = e.method() + " " + e.name();
      curve(list, "baseline, " + label, LatencyCurve.COLORS[color], true, b, x);
      curve(list, "candidate, " + label, LatencyCurve.COLORS[color++], false, e.latency(), x);
    }
    return out;
  }

  private static void curve(ArrayNode list, String label, String color, boolean dash, Histogram micros, List<Double> x) {
    ObjectNode s = list.addObject().put("label", label).put("color", color).put("width", dash ? 1.5 : 2).put("dash", dash);
    ArrayNode values = s.putArray("values");
    double[] percentiles = new double[x.size()];
    for (int i = 0; i < percentiles.length; i++) percentiles[i] = Math.max(1e-9, 100 * (1 - 1 / x.get(i)));
    long[] v = Percentiles.of(micros, percentiles);
    long count = micros.getTotalCount();
    for (int i = 0; i < v.length; i++) {
      if (count == 0 || x.get(i) > count || v[i] <= 0) values.addNull();
      else values.add(v[i] / 1000.0);
    }
  }
}
