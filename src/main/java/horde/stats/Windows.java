package horde.stats;

import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A window of a finished run, recomputed from its intervals: every figure as if the run had been
 * measured from {@code from} to {@code to} only. The warm-up does not apply inside a window the
 * reader chose.
 *
 * <pre>{@code RunStats minutes2to5 = Windows.of(result.stats(), 120, 300);}</pre>
 */
public final class Windows {
  private static final double EPSILON = 1e-6;

  private Windows() {}

  /**
   * @param from seconds since the start
   * @param to seconds since the start, after {@code from}
   * @throws IllegalArgumentException when the run kept no intervals or none lies in the window
   */
  public static RunStats of(RunStats run, double from, double to) {
    if (run.intervals().isEmpty() || run.names() == null)
      throw new IllegalArgumentException("this result keeps no per-second intervals (written by an older Horde)");
    List<Interval> inside = run.intervals().stream()
        .filter(i -> i.t() - i.seconds() >= from - EPSILON && i.t() <= to + EPSILON).toList();
    if (inside.isEmpty())
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "no whole second of the run lies between %.0fs and %.0fs (it ran %.0fs)", from, to, run.runSeconds()));
    Names names = run.names();
    Measures measures = names.measures();
    IntervalSnapshot sum = new IntervalSnapshot(names.endpoints().size(), measures.histogramCount(),
        measures.counterCount(), Math.max(1, names.reasons().size()));
    Map<String, EndpointStats> whole = new HashMap<>();
    run.endpoints().forEach(e -> whole.put(e.method() + " " + e.name(), e));
    for (int e = 0; e < sum.endpoints(); e++) {
      EndpointStats all = whole.get(names.endpoint(e).key());
      if (run.open()) sum.histogramFor(e, Measures.UNCORRECTED);
      if (all != null && all.llm() != null) sum.histogramFor(e, Measures.TTFB);
    }
    double seconds = 0;
    long dropped = 0;
    for (Interval i : inside) {
      i.slices().forEach(s -> s.addTo(sum));
      seconds += i.seconds();
      dropped += i.dropped();
    }
    List<EndpointStats> endpoints = new ArrayList<>();
    for (int e = 0; e < sum.endpoints(); e++) {
      EndpointStats all = whole.get(names.endpoint(e).key());
      endpoints.add(EndpointStats.of(sum, e, names, (ep, r) -> sample(all, names, r)));
    }
    double start = inside.get(0).t() - inside.get(0).seconds(), end = inside.get(inside.size() - 1).t();
    List<TimelinePoint> timeline = run.timeline().stream()
        .filter(p -> p.t() > start + EPSILON && p.t() <= end + EPSILON).toList();
    boolean reachesEnd = end >= run.runSeconds() - EPSILON;
    return new RunStats(run.startEpochMillis() + Math.round(start * 1000), Math.round(seconds * 1000) / 1000.0, 0,
        seconds, endpoints, EndpointStats.total(endpoints), timeline, reachesEnd ? run.cancelledInFlight() : 0,
        reachesEnd && run.aborted(), dropped, inside, names);
  }

  private static String sample(EndpointStats whole, Names names, int reason) {
    Names.Reason r = names.reason(reason);
    return whole == null || r == null ? null : whole.samples().get(r.name());
  }
}
