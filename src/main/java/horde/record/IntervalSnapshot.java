package horde.record;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Every figure of every endpoint over one interval: a histogram per histogram measure (by its
 * index in {@link horde.scenario.Measures}), a sum per counter measure, the count of each response
 * status and of each failure reason. It is the unit of statistics: an event loop records into its
 * own, a ticker takes them out once a second and adds them up ({@link #add}); totals, phases and
 * windows are sums of them. Histograms hold microseconds or thousandths, as the measure records.
 *
 * <p>Not thread-safe: one writer at a time ({@link LoopRecorder} flips two of them between its
 * loop and the ticker). Histograms are made on an endpoint's first value of a measure, so an
 * endpoint that never streams carries no streaming histograms.
 */
public final class IntervalSnapshot {
  /** Statuses 0..599 are counted each on its own; 0 stands for anything outside 100..599. */
  public static final int STATUSES = 600;

  private final int endpoints;
  private final int histogramCount;
  private final int counterCount;
  private final int reasonCapacity;
  private final Histogram[][] histograms;
  private final long[][] counters;
  private final long[][] statuses;
  private final long[][] reasons;
  private final boolean[] touched;

  public IntervalSnapshot(int endpoints, int histogramCount, int counterCount, int reasonCapacity) {
    this.endpoints = endpoints;
    this.histogramCount = histogramCount;
    this.counterCount = counterCount;
    this.reasonCapacity = reasonCapacity;
    this.histograms = new Histogram[endpoints][histogramCount];
    this.counters = new long[endpoints][counterCount];
    this.statuses = new long[endpoints][STATUSES];
    this.reasons = new long[endpoints][reasonCapacity];
    this.touched = new boolean[endpoints];
  }

  /** An empty snapshot of the same shape. */
  public IntervalSnapshot emptyCopy() {
    return new IntervalSnapshot(endpoints, histogramCount, counterCount, reasonCapacity);
  }

  public int endpoints() {
    return endpoints;
  }

  public int histogramCount() {
    return histogramCount;
  }

  public int counterCount() {
    return counterCount;
  }

  public int reasonCapacity() {
    return reasonCapacity;
  }

  /** Records a value of a histogram measure (already in the measure's unit, clamped). */
  public void record(int measure, int endpoint, long value) {
    Histogram h = histograms[endpoint][measure];
    if (h == null) h = histograms[endpoint][measure] = new Histogram(3);
    h.recordValue(value);
    touched[endpoint] = true;
  }

  public void count(int counter, int endpoint, long n) {
    counters[endpoint][counter] += n;
    touched[endpoint] = true;
  }

  public void status(int endpoint, int status) {
    statuses[endpoint][status > 99 && status < STATUSES ? status : 0]++;
    touched[endpoint] = true;
  }

  public void reason(int endpoint, int reason) {
    reasons[endpoint][reason]++;
    touched[endpoint] = true;
  }

  /** Whether anything was recorded for the endpoint since the last reset. */
  public boolean touched(int endpoint) {
    return touched[endpoint];
  }

  /** The histogram of a measure at an endpoint, or null when it has no value. */
  public Histogram histogram(int endpoint, int measure) {
    return histograms[endpoint][measure];
  }

  public long counter(int endpoint, int counter) {
    return counters[endpoint][counter];
  }

  /** A counter summed over every endpoint. */
  public long total(int counter) {
    long n = 0;
    for (long[] c : counters) n += c[counter];
    return n;
  }

  /** Answers with this status (0: outside 100..599). */
  public long statusCount(int endpoint, int status) {
    return statuses[endpoint][status];
  }

  public long reasonCount(int endpoint, int reason) {
    return reasons[endpoint][reason];
  }

  /** Adds another snapshot of the same shape into this one, exactly (histograms added, counts summed). */
  public void add(IntervalSnapshot other) {
    for (int e = 0; e < endpoints; e++) {
      if (!other.touched[e]) continue;
      touched[e] = true;
      for (int m = 0; m < histogramCount; m++) {
        Histogram h = other.histograms[e][m];
        if (h == null || h.getTotalCount() == 0) continue;
        histogramFor(e, m).add(h);
      }
      addInto(counters[e], other.counters[e]);
      addInto(statuses[e], other.statuses[e]);
      addInto(reasons[e], other.reasons[e]);
    }
  }

  /** The endpoint's histogram of a measure, made empty when it has none yet: for adding into. */
  public Histogram histogramFor(int endpoint, int measure) {
    Histogram h = histograms[endpoint][measure];
    if (h == null) h = histograms[endpoint][measure] = new Histogram(3);
    touched[endpoint] = true;
    return h;
  }

  /** Adds into an endpoint's counters (by counter index), statuses and reasons; for decoding. */
  public void addCounts(int endpoint, long[] counterValues, long[] statusCounts, long[] reasonCounts) {
    touched[endpoint] = true;
    addInto(counters[endpoint], counterValues);
    addInto(statuses[endpoint], statusCounts);
    addInto(reasons[endpoint], reasonCounts);
  }

  private static void addInto(long[] into, long[] from) {
    for (int i = 0; i < Math.min(into.length, from.length); i++) into[i] += from[i];
  }

  /** Empties the snapshot, keeping its histograms' memory for the next interval. */
  public void reset() {
    for (int e = 0; e < endpoints; e++) {
      if (!touched[e]) continue;
      touched[e] = false;
      for (Histogram h : histograms[e]) if (h != null) h.reset();
      Arrays.fill(counters[e], 0);
      Arrays.fill(statuses[e], 0);
      Arrays.fill(reasons[e], 0);
    }
  }
}
