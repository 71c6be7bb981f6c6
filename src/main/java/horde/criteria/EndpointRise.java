package horde.criteria;

import horde.scenario.Measures;
import horde.stats.Interval;
import horde.stats.Names;
import horde.stats.RunStats;
import horde.stats.Slice;
import horde.stats.TimelinePoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Whether some endpoint's own latency rose between light and heavy load, read from the run's
 * per-second intervals: each endpoint's histograms over the lightest group of seconds against the
 * heaviest, p95 against p95. Without intervals (a result from an older Horde) it cannot tell, and
 * says yes, leaving the overall curve to decide.
 */
final class EndpointRise {
  static final double RISE = 1.5;
  /** An endpoint needs this many answers at each end to compare its p95. */
  static final int MIN_ANSWERS = 20;

  private EndpointRise() {}

  static boolean any(RunStats s, List<TimelinePoint> light, List<TimelinePoint> heavy) {
    Names names = s.names();
    if (names == null || s.intervals().isEmpty()) return true;
    Map<Double, Interval> byT = new HashMap<>();
    s.intervals().forEach(i -> byT.put(i.t(), i));
    Histogram[] low = latencies(light, byT, names), high = latencies(heavy, byT, names);
    if (low == null || high == null) return true;
    for (int e = 0; e < low.length; e++) {
      if (names.endpoint(e).isGroup() || low[e].getTotalCount() < MIN_ANSWERS || high[e].getTotalCount() < MIN_ANSWERS) {
        continue;
      }
      double a = low[e].getValueAtPercentile(95), b = high[e].getValueAtPercentile(95);
      if (a > 0 && b >= RISE * a) return true;
    }
    return false;
  }

  /** Each endpoint's latencies over these seconds; null when a second has no interval. */
  private static Histogram[] latencies(List<TimelinePoint> seconds, Map<Double, Interval> byT, Names names) {
    Histogram[] out = new Histogram[names.endpoints().size()];
    for (int e = 0; e < out.length; e++) out[e] = new Histogram(3);
    for (TimelinePoint p : seconds) {
      Interval i = byT.get(p.t());
      if (i == null) return null;
      for (Slice slice : i.slices()) {
        Histogram h = slice.histogram(Measures.LATENCY);
        if (h != null) out[slice.endpoint()].add(h);
      }
    }
    return out;
  }
}
