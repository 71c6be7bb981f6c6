package horde.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs that followed one another (phases) as one: endpoints merged exactly, timelines end to end. */
public final class Sequence {
  private Sequence() {}

  public static RunStats of(List<RunStats> runs) {
    if (runs.size() == 1) return runs.get(0);
    Map<String, List<EndpointStats>> byEndpoint = new LinkedHashMap<>();
    List<TimelinePoint> timeline = new ArrayList<>();
    double offset = 0, warmup = 0, measured = 0;
    long cancelled = 0, dropped = 0;
    boolean aborted = false;
    for (RunStats r : runs) {
      r.endpoints().forEach(e -> byEndpoint.computeIfAbsent(e.method() + " " + e.name(), k -> new ArrayList<>()).add(e));
      for (TimelinePoint p : r.timeline()) {
        timeline.add(new TimelinePoint(round(p.t() + offset), p.users(), p.requests(), p.failures(), p.rps(), p.p50(),
            p.p95(), p.p99(), p.dropped(), p.warmup(), p.llm()));
      }
      offset += r.runSeconds();
      warmup += r.warmupSeconds();
      measured += r.measuredSeconds();
      cancelled += r.cancelledInFlight();
      dropped += r.droppedIterations();
      aborted |= r.aborted();
    }
    List<EndpointStats> endpoints = new ArrayList<>();
    byEndpoint.values().forEach(parts -> endpoints.add(Totals.merge(parts.get(0).name(), parts.get(0).method(), parts)));
    return new RunStats(runs.get(0).startEpochMillis(), round(offset), warmup, measured, endpoints,
        Totals.total(endpoints), timeline, cancelled, aborted, dropped);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
