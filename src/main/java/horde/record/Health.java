package horde.record;

/**
 * The load generator's own state over one second: whether the figures of that second describe
 * the target or Horde itself.
 *
 * @param loopLagP99Ms how late the event loops ran a timer, 99th percentile (ms)
 * @param loopLagMaxMs the worst lateness (ms)
 * @param cpuPercent the process's CPU use, as a share of the cores it may use (100 = all busy)
 * @param gcPauseMs time the JVM spent paused for garbage collection in the second
 * @param openFiles file descriptors open at the end of the second (with thousands open, the last count and the
 *     sockets opened and closed since: {@code horde.engine.DescriptorCount}); -1 where unknown
 * @param maxFiles the process's descriptor limit (-1 where unknown)
 * @param poolWaits requests that had to wait for a free connection in the second
 */
public record Health(double loopLagP99Ms, double loopLagMaxMs, double cpuPercent, double gcPauseMs, long openFiles,
    long maxFiles, long poolWaits) {}
