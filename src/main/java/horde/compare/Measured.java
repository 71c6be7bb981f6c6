package horde.compare;

import horde.result.RunResult;
import horde.stats.EndpointStats;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Reads what comparisons need out of a run's result: the one place that knows where the
 * histograms of latency, time to first token and inter-token latency live, and how the timeline
 * reads, so that a change in the statistics classes is mended here alone.
 */
public final class Measured {
  /** The settings that say what load ran; two runs that differ in one are noted. */
  static final List<String> LOAD_KEYS = List.of("model", "users", "spawn_rate", "run_time", "stages", "requests",
      "concurrency", "start_rate", "rates", "arrivals", "max_users", "warmup", "phases", "user_classes");

  private Measured() {}

  public static MeasuredRun of(RunResult r, String label) {
    List<MeasuredEndpoint> endpoints = new ArrayList<>();
    for (EndpointStats e : r.stats().endpoints()) endpoints.add(endpoint(e.name(), e.method(), e));
    Map<String, Object> load = new LinkedHashMap<>();
    r.settings().forEach((k, v) -> {
      if (LOAD_KEYS.contains(k)) load.put(k, v);
    });
    List<Second> measured = timeline(r).stream().filter(s -> !s.warmup()).toList();
    return new MeasuredRun(label, r.scenario().getOrDefault("name", ""), load, r.stats().measuredSeconds(),
        r.stats().aborted(), endpoint("all requests", "", r.stats().total()), endpoints, measured);
  }

  private static MeasuredEndpoint endpoint(String name, String method, EndpointStats e) {
    Histogram ttft = null, itl = null;
    if (e.llm() != null) {
      ttft = nonEmpty(e.llm().ttft());
      itl = nonEmpty(e.llm().itl());
    }
    return new MeasuredEndpoint(name, method, e.requests(), e.failures(), e.latency(), ttft, itl);
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
