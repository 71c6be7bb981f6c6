package horde.record;

import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The streaming and token measures of the endpoints that track them, recorded like latencies:
 * lock-free HdrHistogram {@link Recorder}s per measure and endpoint, counters in atomic arrays.
 * Times are recorded in microseconds, token rates in thousandths of a token per second, cost in
 * nanodollars.
 *
 * <pre>{@code
 * llm.record(LlmRecorder.TTFT, endpoint, nanos);
 * llm.count(endpoint, LlmRecorder.OUTPUT_TOKENS, 57);
 * }</pre>
 */
public final class LlmRecorder {
  /** Measures (histograms). */
  public static final int TTFB = 0, TTFT = 1, ITL = 2, TPOT = 3, TOKENS_PER_S = 4;

  /** Counters. */
  public static final int STREAMS = 0, INPUT_TOKENS = 1, OUTPUT_TOKENS = 2, CACHE_HITS = 3, CACHE_LOOKUPS = 4,
      COST_NANODOLLARS = 5, TOKEN_EVENTS = 6;

  public static final int MEASURES = 5;
  static final int COUNTERS = 7;
  private static final long MAX_MICROS = 3_600_000_000L * 24;

  private final int endpoints;
  private final Recorder[] recorders;
  private final AtomicLongArray counts;

  public LlmRecorder(int endpoints) {
    this.endpoints = endpoints;
    this.recorders = new Recorder[MEASURES * endpoints];
    for (int i = 0; i < recorders.length; i++) recorders[i] = new Recorder(3);
    this.counts = new AtomicLongArray(COUNTERS * endpoints);
  }

  public int endpoints() {
    return endpoints;
  }

  /** A time measure ({@link #TTFB}, {@link #TTFT}, {@link #ITL}, {@link #TPOT}) in nanoseconds. */
  public void time(int measure, int endpoint, long nanos) {
    recorders[measure * endpoints + endpoint].recordValue(Math.max(0, Math.min(nanos / 1000, MAX_MICROS)));
  }

  /** Output tokens per second of one request. */
  public void tokensPerSecond(int endpoint, double perSecond) {
    recorders[TOKENS_PER_S * endpoints + endpoint].recordValue(Math.max(0, Math.round(perSecond * 1000)));
  }

  public void count(int endpoint, int counter, long n) {
    if (n != 0) counts.addAndGet(counter * endpoints + endpoint, n);
  }

  public long count(int endpoint, int counter) {
    return counts.get(counter * endpoints + endpoint);
  }

  public Histogram interval(int measure, int endpoint, Histogram recycle) {
    return recorders[measure * endpoints + endpoint].getIntervalHistogram(recycle);
  }

  public static int counters() {
    return COUNTERS;
  }
}
