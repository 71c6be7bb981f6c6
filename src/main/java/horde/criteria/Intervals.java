package horde.criteria;

import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The run's timeline as intervals with a start and a length, for the rules that read it. A
 * {@link TimelinePoint}'s {@code t} is the end of its interval; findings name the start ("errors
 * began at 40 s" means in the second after 40 s).
 */
final class Intervals {
  private Intervals() {}

  /** Start of point {@code i}'s interval: the previous point's end, or 0. */
  static double start(List<TimelinePoint> points, int i) {
    return i == 0 ? 0 : points.get(i - 1).t();
  }

  static double seconds(List<TimelinePoint> points, int i) {
    return Math.max(1e-3, points.get(i).t() - start(points, i));
  }

  /**
   * The points while load was applied: without the trailing drain, where users stop and the last
   * slow answers trickle in (their per-second percentiles describe a handful of requests).
   */
  static List<TimelinePoint> underLoad(List<TimelinePoint> points) {
    int end = points.size();
    while (end > 1 && points.get(end - 1).users() < points.get(end - 2).users()) end--;
    if (end > 1 && end == points.size() && fraction(points, end - 1)) end--;
    return points.subList(0, end);
  }

  /** Whether the last point is a short remainder rather than a whole second. */
  private static boolean fraction(List<TimelinePoint> points, int i) {
    return seconds(points, i) < 0.5;
  }

  /** Points that got responses, optionally only outside the warm-up. */
  static List<TimelinePoint> answered(List<TimelinePoint> points, boolean measuredOnly) {
    List<TimelinePoint> out = new ArrayList<>();
    for (TimelinePoint p : points) {
      if (p.requests() > 0 && !(measuredOnly && p.warmup())) out.add(p);
    }
    return out;
  }

  static double median(List<TimelinePoint> points, ToDoubleFunction<TimelinePoint> value) {
    if (points.isEmpty()) return Double.NaN;
    double[] v = points.stream().mapToDouble(value).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double median(double[] values) {
    if (values.length == 0) return Double.NaN;
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
