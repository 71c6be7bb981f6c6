package horde.criteria;

import horde.stats.EndpointStats;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/** Crafted runs for the findings' tests: timelines second by second, endpoints with known latencies. */
final class Runs {
  private Runs() {}

  /** One second ending at {@code t}: requests per second, failures, and p95 (p50 half, p99 1.2× of it). */
  static TimelinePoint second(int t, int users, long requests, long failures, double p95) {
    return new TimelinePoint(t, users, requests, failures, requests, p95 / 2, p95, p95 * 1.2, false);
  }

  /** Seconds 1..n, each made by {@code second}. */
  static List<TimelinePoint> seconds(int n, IntFunction<TimelinePoint> second) {
    List<TimelinePoint> out = new ArrayList<>();
    for (int t = 1; t <= n; t++) out.add(second.apply(t));
    return out;
  }

  static List<TimelinePoint> warm(List<TimelinePoint> points, int warmupSeconds) {
    return points.stream().map(p -> p.t() <= warmupSeconds ? new TimelinePoint(p.t(), p.users(), p.requests(),
        p.failures(), p.rps(), p.p50(), p.p95(), p.p99(), true) : p).toList();
  }

  /** An endpoint whose {@code count} latencies are all {@code millis}, with failures of one reason. */
  static EndpointStats endpoint(String method, String name, long count, double millis, long failures, String reason) {
    Histogram h = new Histogram(3);
    h.recordValueWithCount(Math.round(millis * 1000), count);
    Map<String, Long> reasons = failures == 0 ? Map.of() : Map.of(reason, failures);
    return EndpointStats.of(name, method, count, failures, 0, 0, h, reasons, Map.of());
  }

  static EndpointStats endpoint(String method, String name, long count, double millis) {
    return endpoint(method, name, count, millis, 0, null);
  }

  static RunStats run(List<TimelinePoint> timeline, EndpointStats... endpoints) {
    return run(timeline, 0, endpoints);
  }

  static RunStats run(List<TimelinePoint> timeline, double warmup, EndpointStats... endpoints) {
    List<EndpointStats> list = endpoints.length == 0
        ? List.of(endpoint("GET", "/x", Math.max(1, timeline.stream().mapToLong(TimelinePoint::requests).sum()), 100))
        : List.of(endpoints);
    double end = timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).t();
    return new RunStats(0, end, warmup, end - warmup, list, EndpointStats.total(list), timeline, 0, false);
  }

  static List<Finding> findings(RunStats s) {
    return Findings.of(s, Map.of());
  }

  static List<Finding> kind(List<Finding> all, String kind) {
    return all.stream().filter(f -> f.kind().equals(kind)).toList();
  }
}
