package horde.criteria;

import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.List;

/**
 * How the run started: a slow start (with or without a warm-up). Latency that degrades through a
 * long run at a steady load is {@link Degradation}'s.
 */
final class SteadyState {
  private SteadyState() {}

  /**
   * @param phased a run of phases: its load changes phase by phase, so its start is no cold start to cut
   * @param hordeStart the seconds of Horde's own start by the generator's self-check (0: none), which a
   *     cold start then names and its warm-up covers, so that the two findings agree
   */
  static void addTo(List<Finding> out, RunStats s, boolean phased, long hordeStart) {
    List<TimelinePoint> points = Intervals.underLoad(s.timeline());
    if (s.warmupSeconds() > 0) warmup(out, points, s.warmupSeconds());
    else if (!phased) coldStart(out, points, hordeStart);
  }

  private static void warmup(List<Finding> out, List<TimelinePoint> points, double warmup) {
    List<TimelinePoint> all = Intervals.answered(points, false);
    List<TimelinePoint> warm = all.stream().filter(TimelinePoint::warmup).toList();
    List<TimelinePoint> after = all.stream().filter(p -> !p.warmup()).toList();
    double w = Intervals.median(warm, TimelinePoint::p95), m = Intervals.median(after, TimelinePoint::p95);
    if (warm.isEmpty() || after.isEmpty() || !(m > 0 && w >= 1.5 * m)) return; // (0 against 0 is no finding)
    out.add(Finding.info("warmup", String.format("The warm-up was slower than what followed: p95 %s in its %s against %s"
        + " after; those seconds are left out of the figures.", Figures.ms(w), Figures.at(warmup), Figures.ms(m))));
  }

  /** Without a warm-up: the first seconds much slower than the rest, though no more users ran. */
  private static void coldStart(List<Finding> out, List<TimelinePoint> points, long hordeStart) {
    List<TimelinePoint> all = Intervals.answered(points, false);
    int k = Math.min(10, Math.max(3, all.size() / 10));
    if (all.size() < 3 * k) return;
    List<TimelinePoint> first = all.subList(0, k), rest = all.subList(k, all.size());
    double a = Intervals.median(first, TimelinePoint::p95), b = Intervals.median(rest, TimelinePoint::p95);
    double usersFirst = Intervals.median(first, TimelinePoint::users), usersRest = Intervals.median(rest, TimelinePoint::users);
    if (!(b > 0 && a >= 2 * b) || usersFirst > usersRest) return;
    long seconds = Math.round(first.get(k - 1).t());
    String cause = hordeStart == 0 ? " (connections, caches, JIT)" : String.format(" (Horde's own start in its first %d s, see"
        + " the generator finding, and perhaps the target's connections and caches)", hordeStart);
    out.add(Finding.info("cold_start", String.format("The first %d s were slower than the rest (p95 %s against %s) with no"
        + " more users: a cold start%s. A warm-up of %d s would keep it out of the figures.",
        seconds, Figures.ms(a), Figures.ms(b), cause, Math.max(seconds, hordeStart))));
  }
}
