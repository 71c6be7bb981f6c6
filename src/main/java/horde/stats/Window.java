package horde.stats;

import org.HdrHistogram.Histogram;

/** The last few intervals, merged for the live progress line. */
final class Window {
  private final Histogram[] slots;
  private final long[] requests;
  private final long[] failures;
  private final double[] seconds;
  private final Histogram merged = new Histogram(3);
  private int next;

  Window(int size) {
    slots = new Histogram[size];
    for (int i = 0; i < size; i++) slots[i] = new Histogram(3);
    requests = new long[size];
    failures = new long[size];
    seconds = new double[size];
  }

  void add(Histogram interval, long r, long f, double s) {
    int i = next++ % slots.length;
    slots[i].reset();
    slots[i].add(interval);
    requests[i] = r;
    failures[i] = f;
    seconds[i] = s;
  }

  /** Forgets the latest interval (it is about to be replaced by a longer one). */
  void dropLatest() {
    if (next == 0) return;
    int i = --next % slots.length;
    slots[i].reset();
    requests[i] = 0;
    failures[i] = 0;
    seconds[i] = 0;
  }

  Progress progress(long elapsed, int users, boolean warmup) {
    merged.reset();
    long r = 0, f = 0;
    double s = 0;
    for (int i = 0; i < slots.length; i++) {
      merged.add(slots[i]);
      r += requests[i];
      f += failures[i];
      s += seconds[i];
    }
    boolean answered = merged.getTotalCount() > 0; // else no percentile: shown as "-", not 0
    return new Progress(elapsed, users, r, s == 0 ? 0 : r / s, answered ? LatencySummary.pct(merged, 50) : Double.NaN,
        answered ? LatencySummary.pct(merged, 95) : Double.NaN, answered ? LatencySummary.pct(merged, 99) : Double.NaN,
        r == 0 ? 0 : 100.0 * f / r, warmup);
  }
}
