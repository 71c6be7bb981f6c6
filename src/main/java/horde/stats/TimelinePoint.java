package horde.stats;

import horde.record.Health;

/**
 * One second of the run (or the last, shorter piece), as charts and findings read it: the
 * requests of every endpoint together (groups left out), derived from the second's {@link
 * Interval}.
 *
 * @param t seconds since the start at the end of this interval
 * @param users users at work at its end (closed model: alive; open model: inside an iteration)
 * @param dropped open model: arrivals in this interval that found no free user
 * @param warmup whether the interval lies in the warm-up (shown, not counted in the summary)
 * @param llm streaming and token figures of this interval, when the run tracks them (else null)
 * @param peakUsers the most users at work at any moment of the interval
 * @param health the generator's own state in the interval, or null
 */
public record TimelinePoint(
    double t, int users, long requests, long failures, double rps, double p50, double p95, double p99,
    long dropped, boolean warmup, LlmPoint llm, int peakUsers, Health health) {

  /**
   * One second of streaming: TTFT and ITL percentiles (ms), output tokens per second over all
   * requests, and the cache-hit rate (percent; NaN without lookups).
   */
  public record LlmPoint(double ttftP50, double ttftP95, double ttftP99, double itlP50, double itlP99,
      double outputTokensPerSecond, double cacheHitRate) {}

  public TimelinePoint {
    peakUsers = Math.max(peakUsers, users);
  }

  public TimelinePoint(double t, int users, long requests, long failures, double rps, double p50, double p95,
      double p99, long dropped, boolean warmup, LlmPoint llm) {
    this(t, users, requests, failures, rps, p50, p95, p99, dropped, warmup, llm, users, null);
  }

  public TimelinePoint(double t, int users, long requests, long failures, double rps, double p50, double p95,
      double p99, long dropped, boolean warmup) {
    this(t, users, requests, failures, rps, p50, p95, p99, dropped, warmup, null);
  }

  public TimelinePoint(double t, int users, long requests, long failures, double rps, double p50, double p95,
      double p99, boolean warmup) {
    this(t, users, requests, failures, rps, p50, p95, p99, 0, warmup, null);
  }

  /** The same point moved along the timeline (phases joined end to end). */
  public TimelinePoint shifted(double by) {
    return new TimelinePoint(Math.round((t + by) * 1000.0) / 1000.0, users, requests, failures, rps, p50, p95, p99,
        dropped, warmup, llm, peakUsers, health);
  }
}
