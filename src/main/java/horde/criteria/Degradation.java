package horde.criteria;

import horde.stats.RunStats;
import horde.stats.Settings;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Degradation over time at a steady load ({@link Drift}): p95 or the error rate rising, or
 * throughput falling, with a 95% interval that excludes no change and a change large enough to
 * matter — p95 up by a fifth and 5 ms, errors up by a point, throughput down by a tenth — in one
 * finding: "p95 grew 38 %/h, from 410 ms to 570 ms over 30 min (95% interval 31 to 45 %/h)". A
 * result without its seconds' histograms (format 1) keeps the older rule: p95 of the last third of
 * the seconds at peak users against the first third.
 */
final class Degradation {
  /** Seconds at peak users the timeline-only rule needs before a trend across the run means anything. */
  static final int MIN_THIRDS_SECONDS = 30;

  private Degradation() {}

  static void addTo(List<Finding> out, RunStats s, Settings settings) {
    if (s.intervals().isEmpty() || s.names() == null) {
      byThirds(out, s.timeline()); // a result without its seconds' histograms (format 1): no trend to fit
      return;
    }
    List<String> parts = new ArrayList<>();
    Drift.Trend first = null;
    for (String figure : List.of("p95", "error_rate", "rps")) {
      Drift.Trend t = Drift.of(s, figure, settings);
      if (t == null || !drifts(t)) continue;
      if (first == null) first = t;
      parts.add(describe(t));
    }
    if (first == null) return;
    String load = s.open() ? "a steady arrival rate" : "a steady " + first.users() + " users";
    out.add(Finding.warning("degradation", String.format(Locale.ROOT, "Degradation over time at %s: %s. Look for"
        + " queues, leaks or caches filling up.", load, String.join("; ", parts))).at(first.start()));
  }

  /** p95 of the last third of the seconds at peak users against the first third, from the timeline alone. */
  private static void byThirds(List<Finding> out, List<TimelinePoint> timeline) {
    List<TimelinePoint> measured = Intervals.answered(Intervals.underLoad(timeline), true);
    int peak = measured.stream().mapToInt(TimelinePoint::users).max().orElse(0);
    List<TimelinePoint> steady = measured.stream().filter(p -> p.users() == peak).toList();
    if (steady.size() < MIN_THIRDS_SECONDS) return;
    int third = steady.size() / 3;
    List<TimelinePoint> early = steady.subList(0, third), late = steady.subList(steady.size() - third, steady.size());
    double a = Intervals.median(early, TimelinePoint::p95), b = Intervals.median(late, TimelinePoint::p95);
    if (!(a > 0 && b >= 1.5 * a)) return;
    out.add(Finding.warning("degradation", String.format(Locale.ROOT, "Latency degraded over the run at a steady %d"
        + " users: p95 %s in the first third, %s in the last (%s). Look for queues, leaks or caches filling up.", peak,
        Figures.ms(a), Figures.ms(b), Figures.times(b / a))).at(late.get(0).t() - 1));
  }

  /** Whether the trend is both certain (its interval excludes no change) and large enough to matter. */
  static boolean drifts(Drift.Trend t) {
    return switch (t.figure()) {
      case "rps" -> t.fit().high() < 0 && t.to() <= 0.9 * t.from();
      case "error_rate" -> t.fit().low() > 0 && t.to() - t.from() >= 1;
      default -> t.fit().low() > 0 && t.from() > 0 && t.to() >= 1.2 * t.from() && t.to() - t.from() >= 5;
    };
  }

  static String describe(Drift.Trend t) {
    String span = Figures.minutes(t.seconds());
    return switch (t.figure()) {
      case "rps" -> String.format(Locale.ROOT, "throughput fell %s %%/h, from %s to %s over %s", whole(-t.perHour()),
          Figures.rate(t.from()), Figures.rate(t.to()), span);
      case "error_rate" -> String.format(Locale.ROOT, "the error rate grew %s points/h, from %s to %s over %s",
          whole(t.perHour()), Figures.percent(Math.max(0, t.from())), Figures.percent(t.to()), span);
      default -> String.format(Locale.ROOT, "%s grew %s %%/h, from %s to %s over %s (95%% interval %s to %s %%/h)",
          t.figure(), whole(t.perHour()), Figures.ms(t.from()), Figures.ms(t.to()), span, whole(t.lowPerHour()),
          whole(t.highPerHour()));
    };
  }

  private static String whole(double v) {
    return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
