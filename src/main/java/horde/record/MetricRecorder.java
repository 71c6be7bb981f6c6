package horde.record;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where every request's outcome lands, from any event-loop thread, without locks or allocation:
 * an HdrHistogram {@link Recorder} of latencies (microseconds) per endpoint, and counters in
 * atomic arrays indexed by endpoint and failure reason. A ticker takes interval histograms out
 * once a second ({@link #intervalHistogram}) and reads the cumulative counters.
 *
 * <pre>{@code
 * recorder.success(endpoint, latencyNanos, bytesSent, bytesReceived);
 * recorder.failure(endpoint, reason, latencyNanos, bytesSent, bytesReceived);
 * }</pre>
 */
public final class MetricRecorder {
  /** Counter columns per endpoint. */
  public static final int REQUESTS = 0, FAILURES = 1, BYTES_SENT = 2, BYTES_RECEIVED = 3;

  private static final int COLUMNS = 4;
  private static final long MAX_MICROS = 3_600_000_000L * 24;

  private final int endpoints;
  private final int reasonCapacity;
  private final Recorder[] latency;
  private final Recorder[] uncorrected;
  private final AtomicLongArray counts;
  private final AtomicLongArray reasons;
  private final AtomicReferenceArray<String> samples;

  public MetricRecorder(int endpoints, int reasonCapacity) {
    this.endpoints = endpoints;
    this.reasonCapacity = reasonCapacity;
    this.latency = new Recorder[endpoints];
    this.uncorrected = new Recorder[endpoints];
    for (int i = 0; i < endpoints; i++) {
      latency[i] = new Recorder(3);
      uncorrected[i] = new Recorder(3);
    }
    this.counts = new AtomicLongArray(endpoints * COLUMNS);
    this.reasons = new AtomicLongArray(endpoints * reasonCapacity);
    this.samples = new AtomicReferenceArray<>(endpoints * reasonCapacity);
  }

  public int endpoints() {
    return endpoints;
  }

  public int reasonCapacity() {
    return reasonCapacity;
  }

  /** A request that got a response that counts as success. */
  public void success(int endpoint, long latencyNanos, long bytesSent, long bytesReceived) {
    recordLatency(endpoint, latencyNanos);
    count(endpoint, bytesSent, bytesReceived);
  }

  /**
   * A failed request. {@code latencyNanos} is negative when no response arrived (refused, reset,
   * timeout, template error): such requests are counted but have no latency, as in wrk.
   */
  public void failure(int endpoint, int reason, long latencyNanos, long bytesSent, long bytesReceived) {
    if (latencyNanos >= 0) recordLatency(endpoint, latencyNanos);
    count(endpoint, bytesSent, bytesReceived);
    counts.incrementAndGet(endpoint * COLUMNS + FAILURES);
    reasons.incrementAndGet(endpoint * reasonCapacity + reason);
  }

  /** Whether a message sample for this failure is still wanted (the first one is kept). */
  public boolean wantsSample(int endpoint, int reason) {
    return samples.get(endpoint * reasonCapacity + reason) == null;
  }

  public void sample(int endpoint, int reason, String message) {
    samples.compareAndSet(endpoint * reasonCapacity + reason, null, message);
  }

  /**
   * Open model: a request's time from its actual send, beside its latency from the intended start
   * (which {@link #success} and {@link #failure} record). Kept to show what a closed-loop tool
   * would have reported.
   */
  public void uncorrected(int endpoint, long latencyNanos) {
    uncorrected[endpoint].recordValue(Math.max(0, Math.min(latencyNanos / 1000, MAX_MICROS)));
  }

  private void recordLatency(int endpoint, long nanos) {
    long micros = Math.max(0, Math.min(nanos / 1000, MAX_MICROS));
    latency[endpoint].recordValue(micros);
  }

  private void count(int endpoint, long sent, long received) {
    int base = endpoint * COLUMNS;
    counts.incrementAndGet(base + REQUESTS);
    if (sent > 0) counts.addAndGet(base + BYTES_SENT, sent);
    if (received > 0) counts.addAndGet(base + BYTES_RECEIVED, received);
  }

  /** The latencies recorded since the last call; pass the previous result back to recycle it. */
  public Histogram intervalHistogram(int endpoint, Histogram recycle) {
    return latency[endpoint].getIntervalHistogram(recycle);
  }

  /** The uncorrected latencies (open model) since the last call. */
  public Histogram uncorrectedHistogram(int endpoint, Histogram recycle) {
    return uncorrected[endpoint].getIntervalHistogram(recycle);
  }

  /** A cumulative counter: {@link #REQUESTS}, {@link #FAILURES}, bytes. */
  public long count(int endpoint, int column) {
    return counts.get(endpoint * COLUMNS + column);
  }

  /** Cumulative failures of one reason at one endpoint. */
  public long failures(int endpoint, int reason) {
    return reasons.get(endpoint * reasonCapacity + reason);
  }

  public String sample(int endpoint, int reason) {
    return samples.get(endpoint * reasonCapacity + reason);
  }
}
