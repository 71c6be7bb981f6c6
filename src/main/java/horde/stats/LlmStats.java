package horde.stats;

import horde.scenario.Measures;
import org.HdrHistogram.Histogram;

/**
 * An endpoint's streaming and token figures, read from its measures by key: a view for the
 * reports that show them together, not a store of its own. Times are histograms of
 * microseconds; {@code tokensPerSecond} of thousandths of a token per second.
 *
 * @param streams responses read as streams
 * @param tokenEvents stream events that carried tokens
 * @param cacheLookups responses that said whether they were cached
 * @param cost dollars
 * @param pricedRequests requests charged from the prices (cost per request divides by these)
 * @param cachedInputTokens input tokens of answers marked as cache hits
 * @param costSaved dollars the cached-input price saved against the input price
 */
public record LlmStats(Histogram ttfb, Histogram ttft, Histogram itl, Histogram tpot, Histogram tokensPerSecond,
    long streams, long tokenEvents, long inputTokens, long outputTokens, long cacheHits, long cacheLookups,
    double cost, long pricedRequests, long cachedInputTokens, double costSaved) {

  public LlmStats(Histogram ttfb, Histogram ttft, Histogram itl, Histogram tpot, Histogram tokensPerSecond, long streams,
      long tokenEvents, long inputTokens, long outputTokens, long cacheHits, long cacheLookups, double cost) {
    this(ttfb, ttft, itl, tpot, tokensPerSecond, streams, tokenEvents, inputTokens, outputTokens, cacheHits, cacheLookups,
        cost, 0, 0, 0);
  }

  /** Dollars per priced request (the one definition every report uses); NaN without one. */
  public double costPerRequest() {
    return pricedRequests == 0 ? Double.NaN : cost / pricedRequests;
  }

  /** The figures of an endpoint that tracks its answers (it has a TTFB histogram, maybe empty), else null. */
  static LlmStats of(EndpointStats e) {
    if (e.histogram("ttfb") == null) return null;
    return new LlmStats(h(e, "ttfb"), h(e, "ttft"), h(e, "itl"), h(e, "tpot"), h(e, "tokens_per_s"), e.count("streams"),
        e.count("token_events"), e.count("input_tokens"), e.count("output_tokens"), e.count("cache_hits"),
        e.count("cache_lookups"), Measures.BUILT_IN.counter(Measures.COST).readable(e.count("cost")),
        e.count("priced_requests"), e.count("cached_input_tokens"),
        Measures.BUILT_IN.counter(Measures.COST_SAVED).readable(e.count("cost_saved")));
  }

  private static Histogram h(EndpointStats e, String key) {
    Histogram h = e.histogram(key);
    return h == null ? new Histogram(3) : h;
  }

  /** Percent of lookups that were hits; NaN without lookups. */
  public double cacheHitRate() {
    return cacheLookups == 0 ? Double.NaN : 100.0 * cacheHits / cacheLookups;
  }

  /** Token rates in tokens per second: thousandths read as units, as microseconds read as milliseconds. */
  public LatencySummary tokenRates() {
    return LatencySummary.of(tokensPerSecond);
  }
}
