package horde.engine;

/**
 * What the engine tells about a finished run, beyond the recorded metrics.
 *
 * @param startNanos {@link System#nanoTime()} when load began
 * @param endNanos when the last user finished (or was cut off)
 * @param cancelledInFlight requests the end of the test cut off: not counted as requests
 * @param aborted whether the run was stopped early (Ctrl-C, abort)
 * @param retries requests sent a second time because the keep-alive connection they were written to
 *     had been closed by the server first (each still counted once, under its final outcome)
 */
public record EngineReport(long startNanos, long endNanos, long cancelledInFlight, boolean aborted, long retries) {
  public double seconds() {
    return (endNanos - startNanos) / 1e9;
  }
}
