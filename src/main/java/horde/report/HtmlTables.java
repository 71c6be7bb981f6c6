package horde.report;

import horde.result.RunResult;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.RunStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HTML report's chart frames and tables: per endpoint, transactions, failures by reason, run details. */
final class HtmlTables {
  static final int SAMPLE_CHARS = 400;

  private HtmlTables() {}

  /** A frame per chart; report.js draws into each {@code .plot} from the embedded data. */
  static void charts(StringBuilder h, List<TimeCharts.Chart> charts, RunResult r) {
    charts(h, charts, r, List.of());
  }

  /** @param target the target's series, in a section of their own right after Horde's charts */
  static void charts(StringBuilder h, List<TimeCharts.Chart> charts, RunResult r, List<EndpointCharts.Chart> target) {
    StringBuilder key = new StringBuilder();
    if (!r.phases().isEmpty()) key.append("; solid lines start phases");
    if (r.findings().stream().anyMatch(f -> f.hasTime())) key.append("; dashed lines mark findings");
    if (r.stats().warmupSeconds() > 0) key.append("; grey is warm-up");
    h.append("<section id=\"over-time\"><h2>Over time<span class=\"hint\">per second; hover to read, the charts move"
        + " together").append(key).append("</span></h2><div class=\"grid2\">");
    for (TimeCharts.Chart c : charts) {
      h.append("<figure class=\"chart\" data-chart=\"").append(Html.escape(c.id())).append("\"><figcaption>")
          .append(Html.escape(c.title())).append(" <span>").append(Html.escape(c.hint())).append("</span></figcaption>")
          .append("<div class=\"plot\"></div></figure>");
    }
    h.append("</div></section>\n");
    TargetCharts.frames(h, r, target);
    h.append("<section id=\"distribution\"><h2>Latency distribution<span class=\"hint\">percentile curve of the measured"
        + " window from the histograms; log scales stretch the tail</span></h2>")
        .append("<div class=\"grid2\"><figure class=\"chart\" data-chart=\"distribution\"><figcaption>Percentiles</figcaption>"
            + "<div class=\"plot\"></div></figure>")
        .append("<figure class=\"chart\" data-chart=\"bars\"><figcaption>Requests by response time <span>ranges of equal"
            + " width on a log scale; answers of 400 and above apart</span></figcaption><div class=\"plot\"></div></figure>"
            + "</div></section>\n");
  }

  static void endpoints(StringBuilder h, RunStats s) {
    h.append("<section id=\"endpoints\"><h2>Endpoints<span class=\"hint\">measured window</span></h2>");
    table(h, s, s.endpoints().stream().filter(e -> !e.isGroup()).toList(), "Endpoint", true);
    h.append("</section>\n");
  }

  /** Each endpoint's own charts over time, folded: one block per endpoint, opened on demand. */
  static void byEndpoint(StringBuilder h, List<EndpointCharts.Chart> charts) {
    if (charts.isEmpty()) return;
    h.append("<section id=\"by-endpoint\"><h2>By endpoint<span class=\"hint\">each endpoint per second, from the"
        + " result's per-second histograms; open one to see it</span></h2>");
    String current = null;
    for (EndpointCharts.Chart c : charts) {
      if (!c.endpoint().equals(current)) {
        if (current != null) h.append("</div></details>");
        current = c.endpoint();
        h.append("<details class=\"endpoint\"><summary>").append(Html.escape(current)).append("</summary><div class=\"grid2\">");
      }
      h.append("<figure class=\"chart\" data-chart=\"").append(Html.escape(c.id())).append("\"><figcaption>")
          .append(Html.escape(c.title())).append("</figcaption><div class=\"plot\"></div></figure>");
    }
    h.append("</div></details></section>\n");
  }

  /** Groups: several requests timed end to end, each already counted among the endpoints. */
  static void transactions(StringBuilder h, RunStats s) {
    List<EndpointStats> groups = s.endpoints().stream().filter(EndpointStats::isGroup).toList();
    if (groups.isEmpty()) return;
    h.append("<section id=\"transactions\"><h2>Transactions<span class=\"hint\">groups of requests timed end to end;"
        + " their requests are counted under Endpoints, so these are not added into the totals</span></h2>");
    table(h, s, groups, "Transaction", false);
    h.append("</section>\n");
  }

  private static void table(StringBuilder h, RunStats s, List<EndpointStats> rows, String first, boolean total) {
    h.append("<div class=\"scroll\"><table><thead><tr>").append(Html.th("l", first));
    for (String c : List.of(total ? "Requests" : "Count", "Failures", "Err %", total ? "RPS" : "Per s", "Min", "Avg", "p50",
        "p90", "p95", "p99", "Max")) {
      h.append(Html.th(null, c));
    }
    h.append(Html.th("l", "Answers by status"));
    h.append("</tr></thead><tbody>");
    for (EndpointStats e : rows) row(h, e, s, false);
    if (total) row(h, s.total(), s, true);
    h.append("</tbody></table></div>");
  }

  private static void row(StringBuilder h, EndpointStats e, RunStats s, boolean total) {
    LatencySummary l = e.summary();
    boolean answered = e.latency().getTotalCount() > 0;
    h.append(total ? "<tr class=\"total\">" : "<tr>").append("<td class=\"l name\">")
        .append(e.isGroup() ? "" : Html.method(e.method()) + " ").append(Html.escape(total ? "All endpoints" : e.name()))
        .append("</td>")
        .append(Html.td(null, String.format(Locale.ROOT, "%,d", e.requests())))
        .append(Html.td(e.failures() > 0 ? "bad" : null, String.format(Locale.ROOT, "%,d", e.failures())))
        .append(Html.td(e.failures() > 0 ? "bad" : null, Units.percent(e.errorRatePercent())))
        .append(Html.td(null, Units.rate(s.rps(e))));
    for (double v : new double[] {l.min(), l.avg(), l.p50(), l.p90(), l.p95(), l.p99(), l.max()}) {
      h.append(Html.td(null, answered ? Units.ms(v) : "-"));
    }
    h.append(Html.td("l statuses", statuses(e))).append("</tr>");
  }

  /** Every answer's status, expected ones included: {@code 200 × 176 · 429 × 1,257}. */
  static String statuses(EndpointStats e) {
    List<String> parts = new ArrayList<>();
    e.statuses().forEach((code, n) -> parts.add((code == 0 ? "other" : String.valueOf(code)) + " × "
        + String.format(Locale.ROOT, "%,d", n)));
    return parts.isEmpty() ? "-" : String.join(" · ", parts);
  }

  static void failures(StringBuilder h, RunStats s) {
    h.append("<section id=\"failures\"><h2>Failures by reason<span class=\"hint\">with the first message seen</span></h2>");
    if (s.total().failures() == 0) {
      h.append("<p class=\"empty\">No request failed.</p></section>\n");
      return;
    }
    h.append("<div class=\"scroll\"><table><thead><tr>").append(Html.th("l", "Endpoint")).append(Html.th("l", "Reason"))
        .append(Html.th(null, "Count")).append(Html.th(null, "% of failures")).append(Html.th("l", "Sample message"))
        .append("</tr></thead><tbody>");
    List<Object[]> rows = new ArrayList<>();
    // A transaction fails with the reason of the request that failed inside it: counted there already.
    for (EndpointStats e : s.endpoints()) {
      if (!e.isGroup()) e.failuresByReason().forEach((reason, n) -> rows.add(new Object[] {e, reason, n}));
    }
    rows.sort((a, b) -> Long.compare((Long) b[2], (Long) a[2]));
    for (Object[] row : rows) {
      EndpointStats e = (EndpointStats) row[0];
      String reason = (String) row[1];
      long n = (Long) row[2];
      String sample = e.samples().getOrDefault(reason, "");
      h.append("<tr><td class=\"l name\">").append(Html.method(e.method())).append(' ').append(Html.escape(e.name()))
          .append("</td>").append(Html.td("l", reason)).append(Html.td(null, String.format(Locale.ROOT, "%,d", n)))
          .append(Html.td(null, Units.percent(100.0 * n / Math.max(1, s.total().failures()))))
          .append("<td class=\"sample\" title=\"").append(Html.escape(sample)).append("\">")
          .append(Html.escape(Html.clip(sample, SAMPLE_CHARS))).append("</td></tr>");
    }
    h.append("</tbody></table></div></section>\n");
  }

  /** Settings, environment and provenance, as written in the result file. */
  static void details(StringBuilder h, RunResult r) {
    h.append("<section id=\"details\"><h2>Run details</h2><div class=\"columns\">");
    list(h, "Scenario", r.scenario());
    list(h, "Settings", r.settings());
    Map<String, Object> env = new LinkedHashMap<>(r.environment());
    env.put("horde", r.hordeVersion());
    env.put("started_at", r.startedAt());
    if (r.stats().cancelledInFlight() > 0) env.put("in_flight_at_end", r.stats().cancelledInFlight());
    if (r.stats().aborted()) env.put("aborted", true);
    list(h, "Environment", env);
    h.append("</div></section>\n");
  }

  private static void list(StringBuilder h, String title, Map<String, ?> values) {
    h.append("<div><h3>").append(Html.escape(title)).append("</h3><dl class=\"details\">");
    values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> h.append("<dt>").append(Html.escape(e.getKey()))
        .append("</dt><dd>").append(Html.escape(Html.value(e.getValue()))).append("</dd>"));
    h.append("</dl></div>");
  }
}
