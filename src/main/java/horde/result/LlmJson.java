package horde.result;

import horde.stats.LatencySummary;
import horde.stats.LlmStats;
import horde.stats.TimelinePoint;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streaming and token figures in the result file as people read them (the histograms and
 * counts behind them are written with every other measure's).
 */
final class LlmJson {
  private static final String[] MEASURES = {"ttfb", "ttft", "itl", "tpot", "tokens_per_s"};

  private LlmJson() {}

  static void write(ObjectNode o, LlmStats l, long requests) {
    o.put("streams", l.streams());
    o.put("token_events", l.tokenEvents());
    o.put("input_tokens", l.inputTokens());
    o.put("output_tokens", l.outputTokens());
    o.put("cache_lookups", l.cacheLookups());
    o.put("cache_hits", l.cacheHits());
    if (l.cacheLookups() > 0) o.put("cache_hit_rate", ResultJson.round(l.cacheHitRate()));
    o.put("cost", l.cost());
    if (l.pricedRequests() > 0) {
      o.put("priced_requests", l.pricedRequests());
      o.put("cost_per_request", l.costPerRequest());
    }
    if (l.cachedInputTokens() > 0) o.put("cached_input_tokens", l.cachedInputTokens());
    if (l.costSaved() > 0) o.put("cost_saved", l.costSaved());
    Histogram[] h = {l.ttfb(), l.ttft(), l.itl(), l.tpot(), l.tokensPerSecond()};
    for (int i = 0; i < MEASURES.length; i++) {
      if (h[i].getTotalCount() > 0) ResultJson.latency(o.putObject(MEASURES[i] + (i == 4 ? "" : "_ms")), LatencySummary.of(h[i]));
    }
  }

  static void write(ObjectNode o, TimelinePoint.LlmPoint p) {
    o.put("ttft_p50_ms", p.ttftP50());
    o.put("ttft_p95_ms", p.ttftP95());
    o.put("ttft_p99_ms", p.ttftP99());
    o.put("itl_p50_ms", p.itlP50());
    o.put("itl_p99_ms", p.itlP99());
    o.put("output_tokens_per_s", p.outputTokensPerSecond());
    if (!Double.isNaN(p.cacheHitRate())) o.put("cache_hit_rate", ResultJson.round(p.cacheHitRate()));
  }

  static TimelinePoint.LlmPoint point(JsonNode p) {
    if (!p.has("ttft_p50_ms")) return null;
    return new TimelinePoint.LlmPoint(p.path("ttft_p50_ms").asDouble(), p.path("ttft_p95_ms").asDouble(),
        p.path("ttft_p99_ms").asDouble(), p.path("itl_p50_ms").asDouble(), p.path("itl_p99_ms").asDouble(),
        p.path("output_tokens_per_s").asDouble(), p.has("cache_hit_rate") ? p.path("cache_hit_rate").asDouble() : Double.NaN);
  }
}
