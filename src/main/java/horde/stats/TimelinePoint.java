package horde.stats;

/**
 * One second of the run (or the last, shorter piece).
 *
 * @param t seconds since the start at the end of this interval
 * @param warmup whether the interval lies in the warm-up (shown, not counted in the summary)
 */
public record TimelinePoint(
    double t, int users, long requests, long failures, double rps, double p50, double p95, double p99,
    boolean warmup) {}
