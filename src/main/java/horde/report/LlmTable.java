package horde.report;

import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.LlmStats;
import horde.stats.RunStats;
import java.util.Locale;

/** Time to first token, inter-token gaps, token rates, tokens, cache hits and cost, per endpoint. */
final class LlmTable {
  private LlmTable() {}

  static void append(StringBuilder out, RunStats s) {
    if (s.endpoints().stream().noneMatch(e -> e.llm() != null)) return;
    out.append("\nStreaming and tokens\n");
    String fmt = "%-7s %-30s %8s %8s %8s %8s %8s %9s %9s %10s %7s %10s%n";
    out.append(String.format(Locale.ROOT, fmt, "Method", "Endpoint", "TTFT p50", "p95", "p99", "ITL p50", "p99",
        "tok/s p50", "in tokens", "out tokens", "cached", "cost"));
    for (EndpointStats e : s.endpoints()) {
      LlmStats l = e.llm();
      if (l == null) continue;
      LatencySummary ttft = LatencySummary.of(l.ttft()), itl = LatencySummary.of(l.itl());
      boolean streamed = l.ttft().getTotalCount() > 0;
      out.append(String.format(Locale.ROOT, fmt, e.method(), clip(e.name()), streamed ? Units.ms(ttft.p50()) : "-",
          streamed ? Units.ms(ttft.p95()) : "-", streamed ? Units.ms(ttft.p99()) : "-",
          l.itl().getTotalCount() > 0 ? Units.ms(itl.p50()) : "-", l.itl().getTotalCount() > 0 ? Units.ms(itl.p99()) : "-",
          l.tokensPerSecond().getTotalCount() > 0 ? Units.rate(l.tokenRates().p50()) : "-", l.inputTokens(),
          l.outputTokens(), Units.percent(l.cacheHitRate()), l.cost() > 0 ? Units.money(l.cost()) : "-"));
    }
    LlmStats all = s.total().llm();
    if (all == null) return;
    out.append(String.format(Locale.ROOT, "Output %s tokens/s over the run", Units.rate(s.measuredSeconds() > 0 ? all.outputTokens() / s.measuredSeconds() : 0)));
    if (all.cost() > 0) out.append(String.format(Locale.ROOT, "; cost %s (%s a priced request)", Units.money(all.cost()),
        Units.money(all.costPerRequest())));
    if (all.costSaved() > 0) out.append(String.format(Locale.ROOT, "; cached input saved %s", Units.money(all.costSaved())));
    if (all.cacheLookups() > 0) out.append(String.format(Locale.ROOT, "; cache hits %s", Units.percent(all.cacheHitRate())));
    out.append('\n');
  }

  private static String clip(String name) {
    return name.length() <= 30 ? name : name.substring(0, 17) + "..." + name.substring(name.length() - 10);
  }
}
