package horde.report;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Many percentiles of one histogram in a single walk over its recorded values, with the same result
 * as {@link Histogram#getValueAtPercentile} for each (the top of the bucket holding it). The HTML
 * curve asks for over a hundred per endpoint; one call each would walk the counts every time.
 */
final class Percentiles {
  private Percentiles() {}

  /**
   * @param percentiles ascending, each above 0 and at most 100
   * @return the values in the histogram's unit; 0 for all when it is empty
   */
  static long[] of(Histogram h, double[] percentiles) {
    long[] out = new long[percentiles.length];
    long total = h.getTotalCount();
    if (total == 0) return out;
    int next = 0;
    long target = countAt(percentiles[0], total);
    for (HistogramIterationValue v : h.recordedValues()) {
      while (next < percentiles.length && v.getTotalCountToThisValue() >= target) {
        out[next++] = v.getValueIteratedTo();
        if (next < percentiles.length) target = countAt(percentiles[next], total);
      }
      if (next == percentiles.length) break;
    }
    while (next < percentiles.length) out[next++] = h.getMaxValue();
    return out;
  }

  /** The count a percentile needs, computed as HdrHistogram 2.2 does. */
  private static long countAt(double percentile, long total) {
    double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
    return Math.max(1, (long) Math.ceil(requested / 100.0 * total));
  }
}
