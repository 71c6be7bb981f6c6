package horde.stats;

/**
 * One second of the run (or the last, shorter piece).
 *
 * @param t seconds since the start at the end of this interval
 * @param users users at work (closed model: alive; open model: inside an iteration)
 * @param dropped open model: arrivals in this interval that found no free user
 * @param warmup whether the interval lies in the warm-up (shown, not counted in the summary)
 */
public record TimelinePoint(
    double t, int users, long requests, long failures, double rps, double p50, double p95, double p99,
    long dropped, boolean warmup) {

  public TimelinePoint(double t, int users, long requests, long failures, double rps, double p50, double p95,
      double p99, boolean warmup) {
    this(t, users, requests, failures, rps, p50, p95, p99, 0, warmup);
  }
}
