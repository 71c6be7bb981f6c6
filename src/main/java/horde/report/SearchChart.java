package horde.report;

import horde.result.RunResult;
import horde.result.SearchSummary;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A capacity search in the HTML report: latency (p50, p95, p99) and throughput against the load
 * of each level tried, the knee marked, and a table of the curve.
 */
final class SearchChart {
  private SearchChart() {}

  /** The chart's data: levels, latency and throughput columns, the knee; null without a search. */
  static ObjectNode data(RunResult r, JsonMapper mapper) {
    SearchSummary s = r.search();
    if (s == null) return null;
    ObjectNode o = mapper.createObjectNode();
    o.put("label", s.kind().equals("users") ? "users" : "arrivals/s");
    if (s.found()) o.put("knee", s.knee());
    ArrayNode x = o.putArray("x"), p50 = o.putArray("p50"), p95 = o.putArray("p95"), p99 = o.putArray("p99"),
        rps = o.putArray("rps");
    for (SearchSummary.Step step : s.curve()) {
      x.add(step.level());
      add(p50, step.p50());
      add(p95, step.p95());
      add(p99, step.p99());
      add(rps, step.rps());
    }
    return o;
  }

  private static void add(ArrayNode a, double v) {
    if (Double.isNaN(v)) a.addNull();
    else a.add(Math.round(v * 1000) / 1000.0);
  }

  static void section(StringBuilder h, RunResult r) {
    SearchSummary s = r.search();
    if (s == null) return;
    h.append("<section id=\"search\"><h2>Capacity search<span class=\"hint\">").append(Html.escape(s.conclusion()))
        .append("</span></h2><figure class=\"chart\" data-chart=\"search\"><figcaption>Latency and throughput against load"
            + " <span>each level's measured seconds; the knee is the highest level that met every criterion</span>"
            + "</figcaption><div class=\"plot\"></div></figure><div class=\"scroll\"><table><thead><tr>")
        .append(Html.th("l", "Level"));
    for (String c : List.of("Time", "RPS", "Err %", "p50", "p95", "p99", "TTFT p95")) h.append(Html.th(null, c));
    h.append(Html.th("l", "Verdict")).append("</tr></thead><tbody>");
    for (SearchSummary.Step x : s.curve()) {
      String note = x.level() == s.knee() ? " (knee)" : x.stoppedEarly() ? " (stopped early)" : "";
      h.append("<tr>").append(Html.td("l name", s.label(x.level()) + note))
          .append(Html.td(null, String.format(Locale.ROOT, "%.1f s", x.seconds())))
          .append(Html.td(null, Units.rate(x.rps()))).append(Html.td(x.errorRate() > 0 ? "bad" : null, Units.percent(x.errorRate())))
          .append(Html.td(null, Units.ms(x.p50()))).append(Html.td(null, Units.ms(x.p95()))).append(Html.td(null, Units.ms(x.p99())))
          .append(Html.td(null, Units.ms(x.ttftP95())));
      String verdict = x.passed() ? "pass" : "fail";
      h.append("<td class=\"l\"><span class=\"status ").append(verdict).append("\">").append(verdict).append("</span></td></tr>");
    }
    h.append("</tbody></table></div></section>\n");
  }
}
