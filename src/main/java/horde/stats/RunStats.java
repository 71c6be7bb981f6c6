package horde.stats;

import java.util.List;

/**
 * Everything measured in a run: per endpoint and in total over the measured window (after the
 * warm-up), and the per-second timeline of the whole run.
 *
 * @param startEpochMillis wall-clock start of the load
 * @param measuredSeconds length of the measured window (run minus warm-up)
 * @param cancelledInFlight requests cut off by the end of the test, not counted as requests
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
    boolean aborted) {

  public RunStats {
    endpoints = List.copyOf(endpoints);
    timeline = List.copyOf(timeline);
  }

  public double rps() {
    return measuredSeconds <= 0 ? 0 : total.requests() / measuredSeconds;
  }

  public double rps(EndpointStats e) {
    return measuredSeconds <= 0 ? 0 : e.requests() / measuredSeconds;
  }
}
