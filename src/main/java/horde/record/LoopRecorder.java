package horde.record;

import horde.scenario.Measures;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Where one event loop records: a single writer (the loop's thread) fills an {@link
 * IntervalSnapshot} without locks or allocation, and once a second the ticker flips it for an
 * empty one with a {@link WriterReaderPhaser}, as HdrHistogram's {@code SingleWriterRecorder} does
 * for one histogram. Histograms and counters flip together, so they always agree. Loops never
 * share a recorder: nothing on the request path is contended.
 *
 * <pre>{@code
 * recorder.request(endpoint, 200, -1, latencyNanos, bytesSent, bytesReceived);   // on the loop
 * recorder.drainInto(second);                                                    // on the ticker
 * }</pre>
 */
public final class LoopRecorder {
  /** Longest recordable time: a day, in microseconds; longer ones are clamped. */
  private static final long MAX_MICROS = 86_400_000_000L;

  private final WriterReaderPhaser phaser = new WriterReaderPhaser();
  private final Samples samples;
  private volatile IntervalSnapshot active;
  private IntervalSnapshot inactive;

  public LoopRecorder(IntervalSnapshot shape, Samples samples) {
    this.active = shape.emptyCopy();
    this.inactive = shape.emptyCopy();
    this.samples = samples;
  }

  /**
   * A finished request: counted, its status and failure reason counted, its latency recorded.
   *
   * @param status the answer's status, or 0 when none came
   * @param reason the failure reason's id, or -1 for a success
   * @param latencyNanos negative when no answer arrived (refused, reset, timeout, never sent):
   *     counted, not timed, as wrk does
   */
  public void request(int endpoint, int status, int reason, long latencyNanos, long sent, long received) {
    request(endpoint, status, reason, latencyNanos, sent, received, 0);
  }

  /** @param body bytes of the answer's body as decoded (what Locust calls its content size) */
  public void request(int endpoint, int status, int reason, long latencyNanos, long sent, long received, long body) {
    long epoch = phaser.writerCriticalSectionEnter();
    try {
      IntervalSnapshot s = active;
      s.count(Measures.REQUESTS, endpoint, 1);
      if (sent > 0) s.count(Measures.BYTES_SENT, endpoint, sent);
      if (received > 0) s.count(Measures.BYTES_RECEIVED, endpoint, received);
      if (body > 0) s.count(Measures.BODY_BYTES, endpoint, body);
      if (status > 0) s.status(endpoint, status);
      if (reason >= 0) {
        s.count(Measures.FAILURES, endpoint, 1);
        s.reason(endpoint, reason);
      }
      if (latencyNanos >= 0) {
        s.record(Measures.LATENCY, endpoint, micros(latencyNanos));
        if (status >= 400) s.record(Measures.REFUSED, endpoint, micros(latencyNanos)); // served = latency - refused
      }
    } finally {
      phaser.writerCriticalSectionExit(epoch);
    }
  }

  /** A time measure (TTFB, TTFT, ITL, the uncorrected latency...) in nanoseconds. */
  public void time(int measure, int endpoint, long nanos) {
    record(measure, endpoint, micros(nanos));
  }

  /** A rate measure (tokens per second) recorded in thousandths. */
  public void rate(int measure, int endpoint, double perSecond) {
    record(measure, endpoint, Math.max(0, Math.round(perSecond * 1000)));
  }

  public void record(int measure, int endpoint, long value) {
    long epoch = phaser.writerCriticalSectionEnter();
    try {
      active.record(measure, endpoint, value);
    } finally {
      phaser.writerCriticalSectionExit(epoch);
    }
  }

  public void count(int counter, int endpoint, long n) {
    if (n == 0) return;
    long epoch = phaser.writerCriticalSectionEnter();
    try {
      active.count(counter, endpoint, n);
    } finally {
      phaser.writerCriticalSectionExit(epoch);
    }
  }

  /** Whether a message sample for this failure is still wanted (the first one is kept). */
  public boolean wantsSample(int endpoint, int reason) {
    return samples.wanted(endpoint, reason);
  }

  public void sample(int endpoint, int reason, String message) {
    samples.offer(endpoint, reason, message);
  }

  /**
   * Adds what was recorded since the last call into {@code into} and starts a new interval. Called
   * by one reader thread; never blocks the writer for longer than its current record.
   */
  public void drainInto(IntervalSnapshot into) {
    phaser.readerLock();
    try {
      IntervalSnapshot done = active;
      active = inactive;
      inactive = done;
      phaser.flipPhase();
      into.add(done);
      done.reset();
    } finally {
      phaser.readerUnlock();
    }
  }

  private static long micros(long nanos) {
    return Math.max(0, Math.min(nanos / 1000, MAX_MICROS));
  }
}
