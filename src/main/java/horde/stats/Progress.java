package horde.stats;

/** The live view every few seconds: the last window's rate and latencies (NaN when nothing was answered). */
public record Progress(
    double elapsedSeconds, int users, long requests, double rps, double p50, double p95, double p99,
    double errorPercent, boolean warmup) {}
