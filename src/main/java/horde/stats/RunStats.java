package horde.stats;

import java.util.List;

/**
 * Everything measured in a run: per endpoint and in total over the measured window (after the
 * warm-up), and the per-second timeline of the whole run.
 *
 * @param startEpochMillis wall-clock start of the load
 * @param measuredSeconds length of the measured window (run minus warm-up)
 * @param cancelledInFlight requests cut off by the end of the test, not counted as requests
 * @param droppedIterations open model: arrivals in the measured window that found no free user
 */
public record RunStats(
    long startEpochMillis,
    double runSeconds,
    double warmupSeconds,
    double measuredSeconds,
    List<EndpointStats> endpoints,
    EndpointStats total,
    List<TimelinePoint> timeline,
    long cancelledInFlight,
    boolean aborted,
    long droppedIterations) {

  public RunStats {
    endpoints = List.copyOf(endpoints);
    timeline = List.copyOf(timeline);
  }

  public RunStats(long startEpochMillis, double runSeconds, double warmupSeconds, double measuredSeconds,
      List<EndpointStats> endpoints, EndpointStats total, List<TimelinePoint> timeline, long cancelledInFlight,
      boolean aborted) {
    this(startEpochMillis, runSeconds, warmupSeconds, measuredSeconds, endpoints, total, timeline, cancelledInFlight,
        aborted, 0);
  }

  /** Whether the run used the open model (and so has uncorrected latencies and drops). */
  public boolean open() {
    return total.uncorrected() != null;
  }

  public double rps() {
    return measuredSeconds <= 0 ? 0 : total.requests() / measuredSeconds;
  }

  public double rps(EndpointStats e) {
    return measuredSeconds <= 0 ? 0 : e.requests() / measuredSeconds;
  }
}
