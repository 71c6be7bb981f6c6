package horde.report;

import horde.result.RunResult;
import horde.scenario.Measures;
import horde.stats.Interval;
import horde.stats.LatencySummary;
import horde.stats.Names;
import horde.stats.Slice;
import org.HdrHistogram.Histogram;

/**
 * The response time of the answers that were served (status below 400), per second: fast
 * refusals (a 429 in a burst) pull the percentiles of all answers down, and this line shows what a
 * served request took. From the result's intervals: each second's latencies minus its refusals.
 */
final class ServedLatency {
  private ServedLatency() {}

  /** p95 of each second's served answers, aligned with the timeline; null when nothing was refused. */
  static double[] p95(RunResult r) {
    var intervals = r.stats().intervals();
    Names names = r.stats().names();
    if (names == null || intervals.size() != r.stats().timeline().size()) return null;
    double[] out = new double[intervals.size()];
    boolean refused = false;
    for (int i = 0; i < out.length; i++) {
      Interval iv = intervals.get(i);
      Histogram all = new Histogram(3), no = new Histogram(3);
      for (Slice s : iv.slices()) {
        if (names.endpoint(s.endpoint()).isGroup()) continue;
        Histogram h = s.histogram(Measures.LATENCY), x = s.histogram(Measures.REFUSED);
        if (h != null) all.add(h);
        if (x != null) no.add(x);
      }
      refused |= no.getTotalCount() > 0;
      all.subtract(no);
      out[i] = all.getTotalCount() == 0 ? Double.NaN : LatencySummary.pct(all, 95);
    }
    return refused ? out : null;
  }
}
