package horde.report;

import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.LlmStats;
import horde.stats.RunStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The HTML report's table of streaming and token figures per endpoint (the console's {@code
 * LlmTable}, with more room): streams and those cut short, time to first byte and token, gaps
 * between tokens, token rates and counts, cache hits and cost.
 */
final class HtmlStreaming {
  private HtmlStreaming() {}

  static void table(StringBuilder h, RunStats s) {
    List<EndpointStats> rows = s.endpoints().stream().filter(e -> e.llm() != null && !e.isGroup()).toList();
    if (rows.isEmpty()) return;
    h.append("<section id=\"streaming\"><h2>Streaming and tokens<span class=\"hint\">measured window; times from the"
        + " request's start, gaps between tokens as received; tokens/s per answer</span></h2>")
        .append("<div class=\"scroll\"><table class=\"dense\"><thead><tr>").append(Html.th("l", "Endpoint"));
    for (String c : List.of("Streams", "Cut short", "TTFB p50", "TTFT p50", "TTFT p95", "TTFT p99", "ITL p50", "ITL p99",
        "TPOT p50", "Tokens/s p50", "Tokens in / out", "Cache hits", "Cost", "Per 1,000 req")) {
      h.append(Html.th(null, c));
    }
    h.append("</tr></thead><tbody>");
    for (EndpointStats e : rows) row(h, e, false);
    if (rows.size() > 1 && s.total().llm() != null) row(h, s.total(), true);
    h.append("</tbody></table></div></section>\n");
  }

  private static void row(StringBuilder h, EndpointStats e, boolean total) {
    LlmStats l = e.llm();
    long cut = e.failuresByReason().entrySet().stream().filter(r -> e.kindOf(r.getKey()) != null && e.kindOf(r.getKey()).streamCut())
        .mapToLong(r -> r.getValue()).sum();
    List<String> cells = new ArrayList<>();
    boolean streamed = l.streams() > 0 || cut > 0;
    cells.add(streamed ? count(l.streams()) : "-");
    cells.add(streamed ? count(cut) : "-");
    cells.add(ms(l.ttfb(), 50));
    cells.add(ms(l.ttft(), 50));
    cells.add(ms(l.ttft(), 95));
    cells.add(ms(l.ttft(), 99));
    cells.add(ms(l.itl(), 50));
    cells.add(ms(l.itl(), 99));
    cells.add(ms(l.tpot(), 50));
    cells.add(l.tokensPerSecond().getTotalCount() == 0 ? "-" : Units.rate(l.tokenRates().p50()));
    cells.add(count(l.inputTokens()) + " / " + count(l.outputTokens()));
    cells.add(l.cacheLookups() == 0 ? "-" : Units.percent(l.cacheHitRate()) + " of " + count(l.cacheLookups()));
    cells.add(l.cost() > 0 ? Units.money(l.cost()) : "-");
    cells.add(l.cost() > 0 && l.pricedRequests() > 0 ? Units.money(1000 * l.costPerRequest()) : "-");
    h.append(total ? "<tr class=\"total\">" : "<tr>").append("<td class=\"l name\">")
        .append(total ? "All endpoints" : Html.method(e.method()) + " " + Html.escape(e.name())).append("</td>");
    for (int i = 0; i < cells.size(); i++) h.append(Html.td(i == 1 && cut > 0 ? "bad" : null, cells.get(i)));
    h.append("</tr>");
  }

  private static String ms(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? "-" : Units.ms(LatencySummary.pct(micros, percentile));
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
