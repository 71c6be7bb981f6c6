package horde.report;

import horde.record.Health;
import horde.result.RunResult;
import horde.stats.TimelinePoint;
import horde.stats.TimelinePoint.LlmPoint;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

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
  record Series(String key, String label, String color, boolean fill, Reading reading, boolean dash) {
    Series(String key, String label, String color, boolean fill, Reading reading) {
      this(key, label, color, fill, reading, false);
    }
  }

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
          new Series("p99", "p99", "#7c3aed", false, (p, s) -> answered(p, p.p99()), true)), ALWAYS),
      new Chart("ttft", "Time to first token", "percentiles of each second's streams", "ms", List.of(
          new Series("ttft_p50", "p50", "#16a34a", false, timed(LlmPoint::ttftP50)),
          new Series("ttft_p95", "p95", "#d97706", false, timed(LlmPoint::ttftP95)),
          new Series("ttft_p99", "p99", "#7c3aed", false, timed(LlmPoint::ttftP99), true)),
          r -> any(r, p -> p.llm().ttftP50() > 0)),
      new Chart("itl", "Inter-token latency", "gaps between tokens, percentiles of each second", "ms", List.of(
          new Series("itl_p50", "p50", "#16a34a", false, timed(LlmPoint::itlP50)),
          new Series("itl_p99", "p99", "#7c3aed", false, timed(LlmPoint::itlP99), true)),
          r -> any(r, p -> p.llm().itlP50() > 0)),
      new Chart("users", "Active users", "virtual users running", "count", List.of(
          new Series("users", "users", "#0891b2", true, (p, s) -> p.users())), r -> !r.stats().open()),
      new Chart("users", "Busy users", "open model: virtual users inside an iteration", "count", List.of(
          new Series("users", "busy users", "#0891b2", true, (p, s) -> p.users())), r -> r.stats().open()),
      new Chart("dropped", "Dropped iterations", "arrivals per second that found no free user", "rate", List.of(
          new Series("dropped_per_s", "dropped/s", "#be123c", true, (p, s) -> p.dropped() / s)),
          r -> r.stats().timeline().stream().anyMatch(p -> p.dropped() > 0)),
      new Chart("errors", "Error rate", "failed share of each second's requests", "percent", List.of(
          new Series("error_percent", "errors", "#dc2626", true,
              (p, s) -> p.requests() == 0 ? Double.NaN : 100.0 * p.failures() / p.requests())),
          r -> r.stats().total().failures() > 0),
      new Chart("tokens", "Output tokens", "tokens per second, all answers", "rate", List.of(
          new Series("output_tokens_per_s", "tokens/s", "#0d9488", true,
              llm(LlmPoint::outputTokensPerSecond))),
          r -> any(r, p -> p.llm().outputTokensPerSecond() > 0)),
      new Chart("cache", "Cache-hit rate", "share of each second's answers marked as cached", "percent", List.of(
          new Series("cache_hit_percent", "cache hits", "#9333ea", true,
              llm(LlmPoint::cacheHitRate))),
          r -> any(r, p -> !Double.isNaN(p.llm().cacheHitRate()))),
      new Chart("loop-lag", "Generator event-loop lag", "how late Horde's own loops ran a timer: what it adds to every"
          + " latency", "ms", List.of(
          new Series("lag_p99", "p99", "#be123c", false, health(Health::loopLagP99Ms)),
          new Series("lag_max", "max", "#9ca3af", false, health(Health::loopLagMaxMs))), TimeCharts::watched),
      new Chart("generator-cpu", "Generator CPU", "share of the cores Horde may use", "percent", List.of(
          new Series("cpu_percent", "CPU", "#0f766e", true, health(Health::cpuPercent))), TimeCharts::watched));

  private TimeCharts() {}

  /** Percentiles of a second with no response are a gap, not zero. */
  private static double answered(TimelinePoint p, double value) {
    return p.requests() == 0 ? Double.NaN : value;
  }

  /** A streaming figure of the second; a gap in seconds without streaming figures. */
  private static Reading llm(ToDoubleFunction<LlmPoint> figure) {
    return (p, s) -> p.llm() == null ? Double.NaN : figure.applyAsDouble(p.llm());
  }

  /** A streaming percentile of 0 means no stream reached that point in the second: a gap too. */
  private static Reading timed(ToDoubleFunction<LlmPoint> percentile) {
    return (p, s) -> p.llm() == null || !(percentile.applyAsDouble(p.llm()) > 0) ? Double.NaN : percentile.applyAsDouble(p.llm());
  }

  /** A figure of the generator's own health; a gap where it was not watched. */
  private static Reading health(ToDoubleFunction<Health> figure) {
    return (p, s) -> p.health() == null || figure.applyAsDouble(p.health()) < 0 ? Double.NaN : figure.applyAsDouble(p.health());
  }

  private static boolean watched(RunResult r) {
    return r.stats().timeline().stream().anyMatch(p -> p.health() != null);
  }

  /** Whether any second has streaming figures that pass the test. */
  private static boolean any(RunResult r, Predicate<TimelinePoint> test) {
    return r.stats().timeline().stream().anyMatch(p -> p.llm() != null && test.test(p));
  }

  static List<Chart> present(RunResult r) {
    return ALL.stream().filter(c -> c.present().test(r)).toList();
  }
}
