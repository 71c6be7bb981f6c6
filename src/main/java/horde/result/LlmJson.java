package horde.result;

import horde.stats.LatencySummary;
import horde.stats.LlmStats;
import horde.stats.TimelinePoint;
import org.HdrHistogram.Histogram;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The streaming and token figures in the result file as people read them (the histograms and
 * counts behind them are written with every other measure's).
 */
final class LlmJson {
  private static final String[] MEASURES = {"ttfb", "ttft", "itl", "tpot", "tokens_per_s"};

  private LlmJson() {}

  static void write(JsonGenerator g, LlmStats l, long requests) {
    g.writeObjectPropertyStart("llm");
    g.writeNumberProperty("streams", l.streams());
    g.writeNumberProperty("token_events", l.tokenEvents());
    g.writeNumberProperty("input_tokens", l.inputTokens());
    g.writeNumberProperty("output_tokens", l.outputTokens());
    g.writeNumberProperty("cache_lookups", l.cacheLookups());
    g.writeNumberProperty("cache_hits", l.cacheHits());
    if (l.cacheLookups() > 0) g.writeNumberProperty("cache_hit_rate", ResultJson.round(l.cacheHitRate()));
    g.writeNumberProperty("cost", l.cost());
    if (l.pricedRequests() > 0) {
      g.writeNumberProperty("priced_requests", l.pricedRequests());
      g.writeNumberProperty("cost_per_request", l.costPerRequest());
    }
    if (l.cachedInputTokens() > 0) g.writeNumberProperty("cached_input_tokens", l.cachedInputTokens());
    if (l.costSaved() > 0) g.writeNumberProperty("cost_saved", l.costSaved());
    Histogram[] h = {l.ttfb(), l.ttft(), l.itl(), l.tpot(), l.tokensPerSecond()};
    for (int i = 0; i < MEASURES.length; i++) {
      if (h[i].getTotalCount() > 0) ResultJson.latency(g, MEASURES[i] + (i == 4 ? "" : "_ms"), LatencySummary.of(h[i]));
    }
    g.writeEndObject();
  }

  static void write(JsonGenerator g, TimelinePoint.LlmPoint p) {
    g.writeNumberProperty("ttft_p50_ms", p.ttftP50());
    g.writeNumberProperty("ttft_p95_ms", p.ttftP95());
    g.writeNumberProperty("ttft_p99_ms", p.ttftP99());
    g.writeNumberProperty("itl_p50_ms", p.itlP50());
    g.writeNumberProperty("itl_p99_ms", p.itlP99());
    g.writeNumberProperty("output_tokens_per_s", p.outputTokensPerSecond());
    if (!Double.isNaN(p.cacheHitRate())) g.writeNumberProperty("cache_hit_rate", ResultJson.round(p.cacheHitRate()));
  }

  static TimelinePoint.LlmPoint point(JsonNode p) {
    if (!p.has("ttft_p50_ms")) return null;
    return new TimelinePoint.LlmPoint(p.path("ttft_p50_ms").asDouble(), p.path("ttft_p95_ms").asDouble(),
        p.path("ttft_p99_ms").asDouble(), p.path("itl_p50_ms").asDouble(), p.path("itl_p99_ms").asDouble(),
        p.path("output_tokens_per_s").asDouble(), p.has("cache_hit_rate") ? p.path("cache_hit_rate").asDouble() : Double.NaN);
  }
}
