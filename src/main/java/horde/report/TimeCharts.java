package horde.report;

import horde.result.RunResult;
import horde.stats.TimelinePoint;
import java.util.List;
import java.util.function.Predicate;

/**
 * The HTML report's charts over time, as data: each chart names its unit and its series, and each
 * series says how to read its value from one second of the timeline. report.js draws whatever is
 * listed here, so a chart for a new metric is one more entry (see docs/reports.md).
 */
final class TimeCharts {
  /** How a series reads one interval: its value, or NaN for a gap (nothing measured that second). */
  interface Reading {
    double of(TimelinePoint p, double seconds);
  }

  /**
   * @param key the name of its column in the report's data
   * @param fill whether the area under the line is shaded
   */
  record Series(String key, String label, String color, boolean fill, Reading reading) {}

  /**
   * @param unit how values are written: {@code ms}, {@code rate}, {@code count} or {@code percent}
   * @param present whether the result has data for it (metrics some runs do not measure)
   */
  record Chart(String id, String title, String hint, String unit, List<Series> series, Predicate<RunResult> present) {}

  private static final Predicate<RunResult> ALWAYS = r -> true;

  static final List<Chart> ALL = List.of(
      new Chart("throughput", "Throughput", "requests and failures per second", "rate", List.of(
          new Series("rps", "requests/s", "#2563eb", false, (p, s) -> p.rps()),
          new Series("failures_per_s", "failures/s", "#dc2626", false, (p, s) -> p.failures() / s)), ALWAYS),
      new Chart("latency", "Response time", "percentiles of each second", "ms", List.of(
          new Series("p50", "p50", "#16a34a", false, (p, s) -> answered(p, p.p50())),
          new Series("p95", "p95", "#d97706", false, (p, s) -> answered(p, p.p95())),
          new Series("p99", "p99", "#7c3aed", false, (p, s) -> answered(p, p.p99()))), ALWAYS),
      new Chart("users", "Active users", "virtual users running", "count", List.of(
          new Series("users", "users", "#0891b2", true, (p, s) -> p.users())), ALWAYS),
      new Chart("errors", "Error rate", "failed share of each second's requests", "percent", List.of(
          new Series("error_percent", "errors", "#dc2626", true,
              (p, s) -> p.requests() == 0 ? Double.NaN : 100.0 * p.failures() / p.requests())),
          r -> r.stats().total().failures() > 0));

  private TimeCharts() {}

  /** Percentiles of a second with no response are a gap, not zero. */
  private static double answered(TimelinePoint p, double value) {
    return p.requests() == 0 ? Double.NaN : value;
  }

  static List<Chart> present(RunResult r) {
    return ALL.stream().filter(c -> c.present().test(r)).toList();
  }
}
