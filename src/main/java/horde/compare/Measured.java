package horde.compare;

import horde.result.RunResult;
import horde.scenario.Measures;
import horde.stats.EndpointStats;
import horde.stats.Interval;
import horde.stats.Names;
import horde.stats.RunStats;
import horde.stats.Settings;
import horde.stats.Slice;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Reads what comparisons need out of a run's result: the one place that knows where the
 * histograms of latency, time to first token and inter-token latency live, how the per-second
 * intervals and the timeline read, so that a change in the statistics classes is mended here alone.
 */
public final class Measured {
  /** The settings that say what load ran; two runs that differ in one are noted. */
  static final List<String> LOAD_KEYS = List.of(Settings.MODEL, Settings.USERS, Settings.SPAWN_RATE, Settings.RUN_TIME,
      Settings.STAGES, Settings.REQUESTS, Settings.CONCURRENCY, Settings.START_RATE, Settings.RATES, Settings.ARRIVALS,
      Settings.MAX_USERS, Settings.WARMUP, Settings.PHASES, Settings.USER_CLASSES);

  private Measured() {}

  public static MeasuredRun of(RunResult r, String label) {
    Map<String, List<MeasuredEndpoint.Batch>> batches = batches(r.stats());
    List<MeasuredEndpoint> endpoints = new ArrayList<>();
    for (EndpointStats e : r.stats().endpoints()) {
      endpoints.add(endpoint(e.name(), e.method(), e, batches.getOrDefault(e.method() + " " + e.name(), List.of())));
    }
    Map<String, Object> load = new LinkedHashMap<>();
    r.settings().forEach((k, v) -> {
      if (LOAD_KEYS.contains(k)) load.put(k, v);
    });
    List<Second> measured = timeline(r).stream().filter(s -> !s.warmup()).toList();
    return new MeasuredRun(label, r.scenario().getOrDefault("name", ""), load, r.stats().measuredSeconds(),
        r.stats().aborted(), endpoint("all requests", "", r.stats().total(), batches.getOrDefault(TOTAL, List.of())), endpoints,
        measured);
  }

  private static final String TOTAL = "";

  /**
   * Each endpoint's measured seconds from the result's per-second intervals, and all requests
   * together (groups left out) under {@link #TOTAL}.
   */
  private static Map<String, List<MeasuredEndpoint.Batch>> batches(RunStats s) {
    Map<String, List<MeasuredEndpoint.Batch>> out = new HashMap<>();
    if (s.names() == null) return out;
    for (Interval i : s.intervals()) {
      if (i.warmup()) continue;
      Histogram all = new Histogram(3);
      long requests = 0, failures = 0;
      for (Slice slice : i.slices()) {
        Names.Endpoint e = s.names().endpoint(slice.endpoint());
        Histogram latency = histogram(slice, Measures.LATENCY);
        long n = slice.counter(Measures.REQUESTS), f = slice.counter(Measures.FAILURES);
        out.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(new MeasuredEndpoint.Batch(i.seconds(), n, f,
            latency == null ? new Histogram(3) : latency, histogram(slice, Measures.TTFT), histogram(slice, Measures.ITL)));
        if (e.isGroup()) continue;
        if (latency != null) all.add(latency);
        requests += n;
        failures += f;
      }
      out.computeIfAbsent(TOTAL, k -> new ArrayList<>()).add(new MeasuredEndpoint.Batch(i.seconds(), requests, failures, all,
          null, null));
    }
    return out;
  }

  private static Histogram histogram(Slice slice, int measure) {
    return measure < slice.histogramCount() && slice.compressed(measure) != null ? slice.histogram(measure) : null;
  }

  private static MeasuredEndpoint endpoint(String name, String method, EndpointStats e, List<MeasuredEndpoint.Batch> batches) {
    Histogram ttft = null, itl = null;
    if (e.llm() != null) {
      ttft = nonEmpty(e.llm().ttft());
      itl = nonEmpty(e.llm().itl());
    }
    return new MeasuredEndpoint(name, method, e.requests(), e.failures(), e.latency(), ttft, itl, batches);
  }

  private static Histogram nonEmpty(Histogram h) {
    return h == null || h.getTotalCount() == 0 ? null : h;
  }

  /**
   * One second of a run's timeline, for charts that lay two runs side by side.
   *
   * @param t seconds since the start, at the end of the second
   * @param seconds its length: 1, or less for the last
   * @param p95 milliseconds; NaN in a second without a response
   * @param errorPercent NaN in a second without a request
   */
  public record Second(double t, double seconds, long requests, double rps, double p50, double p95, double p99,
      double errorPercent, boolean warmup) {}

  public static List<Second> timeline(RunResult r) {
    List<Second> out = new ArrayList<>();
    double last = 0;
    for (TimelinePoint p : r.stats().timeline()) {
      boolean answered = p.requests() > 0;
      out.add(new Second(p.t(), p.t() - last, p.requests(), p.rps(), answered ? p.p50() : Double.NaN, answered ? p.p95() : Double.NaN,
          answered ? p.p99() : Double.NaN, answered ? 100.0 * p.failures() / p.requests() : Double.NaN, p.warmup()));
      last = p.t();
    }
    return out;
  }
}
