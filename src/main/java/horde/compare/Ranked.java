package horde.compare;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A histogram's recorded values in rank order, so that the value of any rank (1 = smallest) is a
 * binary search away. Values are read as {@link horde.stats.LatencySummary} reads percentiles: the
 * top of each bucket.
 */
final class Ranked {
  private final long[] values;
  private final long[] cumulative;
  private final long count;

  private Ranked(long[] values, long[] cumulative, long count) {
    this.values = values;
    this.cumulative = cumulative;
    this.count = count;
  }

  static Ranked of(Histogram h) {
    int buckets = 0;
    for (HistogramIterationValue ignored : h.recordedValues()) buckets++;
    long[] values = new long[buckets];
    long[] cumulative = new long[buckets];
    int i = 0;
    long sum = 0;
    for (HistogramIterationValue v : h.recordedValues()) {
      sum += v.getCountAtValueIteratedTo();
      values[i] = h.highestEquivalentValue(v.getValueIteratedTo());
      cumulative[i++] = sum;
    }
    return new Ranked(values, cumulative, sum);
  }

  long count() {
    return count;
  }

  /** The value of rank {@code rank}, clamped to 1..count. */
  long at(long rank) {
    long r = Math.max(1, Math.min(count, rank));
    int lo = 0, hi = values.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] >= r) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  }

  /** The q-quantile (0..1) as HdrHistogram's {@code getValueAtPercentile} reads it. */
  long quantile(double q) {
    return at(rank(count, q));
  }

  static long rank(long n, double q) {
    return Math.max(1, (long) (q * n + 0.5));
  }
}
