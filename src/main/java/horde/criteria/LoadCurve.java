package horde.criteria;

import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Latency and throughput against the number of users, for runs whose users changed (ramps,
 * stages). Seconds are grouped by users (at most {@value #GROUPS} groups of equal width); each
 * group's p95 and rate are the medians of its seconds. Throughput has levelled off when it reached
 * 90% of its best at no more than two thirds of the peak users; latency is rising from the first
 * group whose p95 is 1.5× that of the lightest load and stays there, and some endpoint's own p95
 * rose as much ({@link EndpointRise}: fast and slow endpoints mixing differently under more users
 * move the overall p95 without any endpoint getting slower). Saturation is both.
 */
final class LoadCurve {
  static final int GROUPS = 8;

  private LoadCurve() {}

  record Level(double users, double p95, double rps, double from) {}

  /** Whether more than 5% of requests failed in the seconds at the highest load. */
  private static boolean failingAtPeak(List<TimelinePoint> points, Level high) {
    long requests = 0, failures = 0;
    for (TimelinePoint p : points) {
      if (p.users() < 0.9 * high.users()) continue;
      requests += p.requests();
      failures += p.failures();
    }
    return requests > 0 && failures > 0.05 * requests;
  }

  /**
   * Closed model only: in the open model the users at work follow the latency (an arrival rate times
   * the time each takes), so grouping seconds by them would find what it assumes.
   */
  static void addTo(List<Finding> out, RunStats s) {
    if (s.open()) return;
    List<TimelinePoint> points = Intervals.answered(Intervals.underLoad(s.timeline()), true);
    List<List<TimelinePoint>> groups = groups(points, TimelinePoint::users);
    List<Level> levels = levels(groups);
    if (levels.size() < 3) return;
    Level low = levels.get(0), high = levels.get(levels.size() - 1);
    if (high.users() < 1.5 * low.users() || low.p95() <= 0) return;
    Level best = levels.stream().max(Comparator.comparingDouble(Level::rps)).orElseThrow();
    Level saturated = levels.stream().filter(l -> l.rps() >= 0.9 * best.rps()).findFirst().orElseThrow();
    boolean plateau = saturated.users() * 1.5 <= high.users();
    Level knee = knee(levels, low);
    if (knee != null && !EndpointRise.any(s, groups.get(0), groups.get(groups.size() - 1))) {
      knee = null; // the mix of endpoints shifted with the users; no endpoint itself got slower
    }
    double rise = high.p95() / low.p95();
    if (plateau && knee != null) {
      out.add(Finding.warning("saturation", String.format("Saturation at about %s users: throughput levels off at %s"
          + " while p95 climbs from %s (%s users) to %s (%s users); users past that point only wait longer.",
          users(saturated.users()), Figures.rate(best.rps()), Figures.ms(low.p95()), users(low.users()),
          Figures.ms(high.p95()), users(high.users()))).at(saturated.from()));
    } else if (knee != null) {
      out.add(Finding.warning("latency_rises_with_users", String.format("Latency rises with users: p95 %s at %s users,"
          + " %s at %s users (%s), from about %s users on; throughput still grew (%s to %s).",
          Figures.ms(low.p95()), users(low.users()), Figures.ms(high.p95()), users(high.users()), Figures.times(rise),
          users(knee.users()), Figures.rate(low.rps()), Figures.rate(high.rps()))).at(knee.from()));
    } else if (plateau) {
      out.add(Finding.info("throughput_plateau", String.format("Throughput levels off at %s from about %s users while"
          + " p95 stays near %s: the limit is not the target's latency (think time, pacing or the generator?).",
          Figures.rate(best.rps()), users(saturated.users()), Figures.ms(high.p95()))).at(saturated.from()));
    } else if (!failingAtPeak(points, high)) {
      // (when the target sheds load with fast errors, its answers stay quick: that is not "no saturation")
      out.add(Finding.info("no_saturation", String.format("No saturation seen: throughput grew from %s to %s as users went"
          + " from %s to %s, with p95 %s then %s.", Figures.rate(low.rps()), Figures.rate(high.rps()), users(low.users()),
          users(high.users()), Figures.ms(low.p95()), Figures.ms(high.p95()))));
    }
  }

  /** The first level from which p95 stays at 1.5× the lightest load's or more; null if none. */
  private static Level knee(List<Level> levels, Level low) {
    Level knee = null;
    for (Level l : levels) {
      if (l.p95() >= 1.5 * low.p95()) {
        if (knee == null) knee = l;
      } else {
        knee = null;
      }
    }
    return knee;
  }

  static List<Level> levels(List<List<TimelinePoint>> groups) {
    List<Level> out = new ArrayList<>();
    for (List<TimelinePoint> g : groups) {
      out.add(new Level(Intervals.median(g, TimelinePoint::users), Intervals.median(g, TimelinePoint::p95),
          Intervals.median(g, TimelinePoint::rps), g.get(0).t() - 1));
    }
    return out;
  }

  /**
   * Seconds grouped by a load figure (users, or a rate rounded to a whole number), lowest first: one
   * group per value, or {@value #GROUPS} of equal width.
   */
  static List<List<TimelinePoint>> groups(List<TimelinePoint> points, ToIntFunction<TimelinePoint> load) {
    if (points.isEmpty()) return List.of();
    int min = points.stream().mapToInt(load).min().orElse(0);
    int max = points.stream().mapToInt(load).max().orElse(0);
    int[] distinct = points.stream().mapToInt(load).distinct().sorted().toArray();
    int groups = Math.min(distinct.length, GROUPS);
    double width = Math.max(1, (max - min + 1) / (double) groups);
    List<List<TimelinePoint>> grouped = new ArrayList<>();
    for (int g = 0; g < groups; g++) grouped.add(new ArrayList<>());
    for (TimelinePoint p : points) {
      int g = distinct.length <= GROUPS ? Arrays.binarySearch(distinct, load.applyAsInt(p))
          : (int) Math.min(groups - 1, (load.applyAsInt(p) - min) / width);
      grouped.get(g).add(p);
    }
    return grouped.stream().filter(g -> !g.isEmpty()).toList();
  }

  private static String users(double users) {
    return String.valueOf(Math.round(users));
  }
}
