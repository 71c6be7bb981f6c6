package horde.stats;

import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import org.HdrHistogram.Histogram;

/** The timeline's figures of one interval: its requests (groups left out) and streaming, summed over endpoints. */
final class Points {
  private Points() {}

  /**
   * @param all the interval's {@link #requestLatencies}
   * @param groups by endpoint id: whether it is a group, kept out of the request figures
   */
  static TimelinePoint of(Interval interval, IntervalSnapshot s, Histogram all, boolean[] groups, boolean llm) {
    long requests = 0, failures = 0;
    for (Slice slice : interval.slices()) {
      if (groups[slice.endpoint()]) continue;
      requests += slice.counter(Measures.REQUESTS);
      failures += slice.counter(Measures.FAILURES);
    }
    return new TimelinePoint(interval.t(), interval.users(), requests, failures, round(requests / interval.seconds()),
        LatencySummary.pct(all, 50), LatencySummary.pct(all, 95), LatencySummary.pct(all, 99), interval.dropped(),
        interval.warmup(), llm ? llm(s, interval.seconds()) : null, interval.peakUsers(), interval.health());
  }

  /** How many requests the snapshot holds (groups are transactions, not requests). */
  static long requests(IntervalSnapshot s, boolean[] groups) {
    long n = 0;
    for (int e = 0; e < s.endpoints(); e++) if (!groups[e]) n += s.counter(e, Measures.REQUESTS);
    return n;
  }

  /** The latencies of every request in the snapshot (groups are transactions, not requests). */
  static Histogram requestLatencies(IntervalSnapshot s, boolean[] groups) {
    Histogram all = new Histogram(3);
    for (int e = 0; e < s.endpoints(); e++) {
      Histogram h = s.histogram(e, Measures.LATENCY);
      if (h != null && !groups[e]) all.add(h);
    }
    return all;
  }

  private static TimelinePoint.LlmPoint llm(IntervalSnapshot s, double seconds) {
    Histogram ttft = new Histogram(3), itl = new Histogram(3);
    long out = 0, hits = 0, lookups = 0;
    for (int e = 0; e < s.endpoints(); e++) {
      if (!s.touched(e)) continue;
      if (s.histogram(e, Measures.TTFT) != null) ttft.add(s.histogram(e, Measures.TTFT));
      if (s.histogram(e, Measures.ITL) != null) itl.add(s.histogram(e, Measures.ITL));
      out += s.counter(e, Measures.OUTPUT_TOKENS);
      hits += s.counter(e, Measures.CACHE_HITS);
      lookups += s.counter(e, Measures.CACHE_LOOKUPS);
    }
    return new TimelinePoint.LlmPoint(LatencySummary.pct(ttft, 50), LatencySummary.pct(ttft, 95),
        LatencySummary.pct(ttft, 99), LatencySummary.pct(itl, 50), LatencySummary.pct(itl, 99), round(out / seconds),
        lookups == 0 ? Double.NaN : 100.0 * hits / lookups);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
