package horde.result;

import horde.criteria.Verdict;
import java.util.Comparator;
import java.util.List;

/**
 * A capacity search's outcome: every step tried (a phase of the run, in the order run), the knee —
 * the highest level that met every criterion — the criterion that failed first on the way up, and
 * the verdict.
 *
 * @param kind {@code users} or {@code rate} (arrivals per second)
 * @param knee the highest passing level; NaN when even the lowest failed
 * @param firstFailed the expression of the criterion that failed at the lowest failing level (the one
 *     furthest past its limit there), or null when none failed
 * @param atLeast the knee the run had to reach; 0 for none
 */
public record SearchSummary(String kind, double from, double to, List<Step> steps, double knee, String firstFailed,
    double atLeast, Verdict verdict, String conclusion) {
  /**
   * One level tried.
   *
   * @param phase the name of the phase that ran it
   * @param stoppedEarly ended before its time, clearly past the knee
   * @param seconds how long it ran
   * @param errorRate percent
   * @param ttftP95 ms; NaN when nothing streamed
   */
  public record Step(double level, String phase, boolean passed, boolean stoppedEarly, double seconds, double rps,
      double p50, double p95, double p99, double errorRate, double ttftP95, long dropped) {}

  public SearchSummary {
    steps = List.copyOf(steps);
  }

  /** The steps by level, lowest first: the curve. */
  public List<Step> curve() {
    return steps.stream().sorted(Comparator.comparingDouble(Step::level)).toList();
  }

  public boolean found() {
    return !Double.isNaN(knee);
  }

  /**
   * The lowest failing level above the knee (above every level when none passed); NaN when none
   * failed. The target's capacity lies between the knee and it: the search's resolution.
   */
  public double above() {
    double floor = found() ? knee : Double.NEGATIVE_INFINITY;
    return steps.stream().filter(s -> !s.passed() && s.level() > floor).mapToDouble(Step::level).min().orElse(Double.NaN);
  }

  /** A level in the search's unit: {@code 40 users}, {@code 12.5/s}. */
  public String label(double level) {
    return label(kind, level);
  }

  /** A level of a search of {@code kind}: {@code 40 users}, {@code 12.5/s}. */
  public static String label(String kind, double level) {
    if (Double.isNaN(level)) return "-";
    String n = level == Math.rint(level) ? String.valueOf((long) level) : String.valueOf(Math.round(level * 100) / 100.0);
    return kind.equals("users") ? n + " users" : n + "/s";
  }
}
