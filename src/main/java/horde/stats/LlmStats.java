package horde.stats;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * An endpoint's streaming and token figures over the measured window. Times are histograms of
 * microseconds; {@code tokensPerSecond} of thousandths of a token per second.
 *
 * @param streams responses read as streams
 * @param tokenEvents stream events that carried tokens
 * @param cacheLookups responses that said whether they were cached
 * @param cost dollars
 */
public record LlmStats(Histogram ttfb, Histogram ttft, Histogram itl, Histogram tpot, Histogram tokensPerSecond,
    long streams, long tokenEvents, long inputTokens, long outputTokens, long cacheHits, long cacheLookups,
    double cost) {

  /** Percent of lookups that were hits; NaN without lookups. */
  public double cacheHitRate() {
    return cacheLookups == 0 ? Double.NaN : 100.0 * cacheHits / cacheLookups;
  }

  /** Token rates in tokens per second: thousandths read as units, as microseconds read as milliseconds. */
  public LatencySummary tokenRates() {
    return LatencySummary.of(tokensPerSecond);
  }

  /** Several endpoints' figures as one, histograms added exactly; null when none has any. */
  public static LlmStats merge(List<LlmStats> parts) {
    List<LlmStats> present = parts.stream().filter(p -> p != null).toList();
    if (present.isEmpty()) return null;
    Histogram[] h = new Histogram[5];
    for (int i = 0; i < 5; i++) h[i] = new Histogram(3);
    long streams = 0, events = 0, in = 0, out = 0, hits = 0, lookups = 0;
    double cost = 0;
    for (LlmStats p : present) {
      h[0].add(p.ttfb);
      h[1].add(p.ttft);
      h[2].add(p.itl);
      h[3].add(p.tpot);
      h[4].add(p.tokensPerSecond);
      streams += p.streams;
      events += p.tokenEvents;
      in += p.inputTokens;
      out += p.outputTokens;
      hits += p.cacheHits;
      lookups += p.cacheLookups;
      cost += p.cost;
    }
    return new LlmStats(h[0], h[1], h[2], h[3], h[4], streams, events, in, out, hits, lookups, cost);
  }
}
