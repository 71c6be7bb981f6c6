package horde.report;

import horde.stats.RunStats;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How many requests took how long, as Gatling's response-time distribution shows it: the measured
 * window's latencies counted in {@value #BARS} ranges of equal width on a log scale, from the
 * fastest to the slowest answer; answers of 400 and above apart, so fast refusals show as such.
 */
final class LatencyBars {
  static final int BARS = 40;

  private LatencyBars() {}

  /** {@code x}: each range's upper end (ms); {@code served}, {@code refused}: requests in it. */
  static ObjectNode of(RunStats s, JsonMapper mapper) {
    ObjectNode out = mapper.createObjectNode();
    Histogram all = s.total().latency();
    Histogram refused = s.total().histogram("refused");
    ArrayNode x = out.putArray("x"), served = out.putArray("served"), no = out.putArray("refused");
    if (all.getTotalCount() == 0) return out;
    double lo = Math.max(1, all.getMinValue()), hi = Math.max(lo * 1.01, all.getMaxValue());
    double step = Math.log(hi / lo) / BARS;
    long below = 0, belowRefused = 0;
    for (int i = 1; i <= BARS; i++) {
      long upper = i == BARS ? all.getMaxValue() : Math.round(lo * Math.exp(step * i));
      long upTo = all.getCountBetweenValues(0, upper);
      long refusedUpTo = refused == null ? 0 : refused.getCountBetweenValues(0, upper);
      x.add(Math.round(upper) / 1000.0);
      served.add((upTo - below) - (refusedUpTo - belowRefused));
      no.add(refusedUpTo - belowRefused);
      below = upTo;
      belowRefused = refusedUpTo;
    }
    return out;
  }
}
