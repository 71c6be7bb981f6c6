package horde.stats;

import java.util.List;

/**
 * Everything measured in a run: per endpoint and in total over the measured window (after the
 * warm-up), the per-second timeline of the whole run, and the intervals it was made of.
 *
 * @param startEpochMillis wall-clock start of the load
 * @param measuredSeconds length of the measured window (run minus warm-up)
 * @param cancelledInFlight requests cut off by the end of the test, not counted as requests
 * @param droppedIterations open model: arrivals in the measured window that found no free user
 * @param intervals every second with every endpoint's figures (empty for results written before
 *     they were kept)
 * @param names what the intervals' ids stand for (null without intervals)
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
    long droppedIterations,
    List<Interval> intervals,
    Names names) {

  public RunStats {
    endpoints = List.copyOf(endpoints);
    timeline = List.copyOf(timeline);
    intervals = List.copyOf(intervals == null ? List.of() : intervals);
  }

  public RunStats(long startEpochMillis, double runSeconds, double warmupSeconds, double measuredSeconds,
      List<EndpointStats> endpoints, EndpointStats total, List<TimelinePoint> timeline, long cancelledInFlight,
      boolean aborted, long droppedIterations) {
    this(startEpochMillis, runSeconds, warmupSeconds, measuredSeconds, endpoints, total, timeline, cancelledInFlight,
        aborted, droppedIterations, List.of(), null);
  }

  public RunStats(long startEpochMillis, double runSeconds, double warmupSeconds, double measuredSeconds,
      List<EndpointStats> endpoints, EndpointStats total, List<TimelinePoint> timeline, long cancelledInFlight,
      boolean aborted) {
    this(startEpochMillis, runSeconds, warmupSeconds, measuredSeconds, endpoints, total, timeline, cancelledInFlight,
        aborted, 0);
  }

  /** The same run showing only these endpoints (the total is unchanged). */
  public RunStats withEndpoints(List<EndpointStats> shown) {
    return new RunStats(startEpochMillis, runSeconds, warmupSeconds, measuredSeconds, shown, total, timeline,
        cancelledInFlight, aborted, droppedIterations, intervals, names);
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

  /** The most users at work at any moment of the run. */
  public int peakUsers() {
    return timeline.stream().mapToInt(TimelinePoint::peakUsers).max().orElse(0);
  }
}
