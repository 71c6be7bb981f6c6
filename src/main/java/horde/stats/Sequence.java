package horde.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs that followed one another (phases) as one: endpoints merged exactly, timelines end to end. */
public final class Sequence {
  private Sequence() {}

  /** @param runs at least one */
  public static RunStats of(List<RunStats> runs) {
    if (runs.isEmpty()) throw new IllegalArgumentException("no run to join");
    if (runs.size() == 1) return runs.get(0);
    Map<String, List<EndpointStats>> byEndpoint = new LinkedHashMap<>();
    List<TimelinePoint> timeline = new ArrayList<>();
    List<Interval> intervals = new ArrayList<>();
    double offset = 0, warmup = 0, measured = 0;
    long cancelled = 0, dropped = 0;
    boolean aborted = false;
    Names names = null;
    for (RunStats r : runs) {
      r.endpoints().forEach(e -> byEndpoint.computeIfAbsent(e.method() + " " + e.name(), k -> new ArrayList<>()).add(e));
      for (TimelinePoint p : r.timeline()) timeline.add(p.shifted(offset));
      for (Interval i : r.intervals()) intervals.add(i.shifted(offset));
      offset += r.runSeconds();
      warmup += r.warmupSeconds();
      measured += r.measuredSeconds();
      cancelled += r.cancelledInFlight();
      dropped += r.droppedIterations();
      aborted |= r.aborted();
      if (r.names() != null) names = r.names(); // the same plan: the last has every reason seen
    }
    List<EndpointStats> endpoints = new ArrayList<>();
    byEndpoint.values().forEach(parts -> endpoints.add(EndpointStats.merge(parts.get(0).name(), parts.get(0).method(), parts)));
    return new RunStats(runs.get(0).startEpochMillis(), Math.round(offset * 1000.0) / 1000.0, warmup, measured, endpoints,
        EndpointStats.total(endpoints), timeline, cancelled, aborted, dropped, intervals, names);
  }
}
