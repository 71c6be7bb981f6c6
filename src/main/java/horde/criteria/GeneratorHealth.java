package horde.criteria;

import horde.record.Health;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Whether the generator itself distorted the figures, second by second, from its own health
 * (loop lag, CPU, GC pauses, file descriptors): the seconds affected and what was wrong. A second
 * is affected when the loops ran timers {@link #LAG_MS} ms late (p99), the process used {@link
 * #CPU_PERCENT}% of its cores, GC paused it {@link #GC_MS} ms, or {@link #FILES_SHARE} of its
 * descriptors were open. The run's first second (class loading, JIT) is left out, and so are the
 * warm-up's seconds (out of the figures too) and a second that timed nothing (no request ended in
 * it and no user was busy at its end: the cut-off of idle users after the run's last answer, which
 * at a million users keeps the loops busy for most of a second); a kind needs two affected seconds
 * to be reported, one spike being noise. Late loops or a full CPU only in the first seconds checked
 * (or in them and a few seconds soon after, before a long healthy stretch), with more CPU used in
 * them than after for no more requests, are Horde's own start (its JIT compiling the request path on
 * the cores the load runs on), and a warm-up is the remedy rather than more CPU.
 */
public final class GeneratorHealth {
  static final double LAG_MS = 10, CPU_PERCENT = 95, GC_MS = 100, FILES_SHARE = 0.95;
  static final int MIN_SECONDS = 2;
  /** How much more of its CPU a starting generator uses than later, in percentage points: its JIT's work. */
  static final double START_CPU_POINTS = 10;

  /**
   * One way the generator fell short, with the seconds (interval ends on the timeline) it did, and what
   * to change; {@code startEnd} is where Horde's own start ended when the first of those seconds were it
   * (the last one's interval end), 0 when they were not; {@code lasting} whether it went on to the end
   * (fewer healthy seconds after the last of them than there were of them).
   */
  public record Problem(String kind, List<Double> seconds, String what, String remedy, double startEnd,
      boolean lasting) {
    /** The second the first affected one began at. */
    public double from() {
      return Math.ceil(seconds.get(0)) - 1;
    }

    /** What went wrong and what to change, as the result's finding and the live UI say it. */
    public String sentence() {
      return text(this);
    }

    /** The warm-up, in whole seconds, that leaves Horde's own start out of the figures; 0 when this was no start. */
    public long warmup() {
      return (long) Math.ceil(startEnd - 1e-9);
    }
  }

  private static final String MORE_CPU = "give it more CPU (fewer other processes on its cores, more cores) or run fewer"
      + " users per machine";
  /** A paused JVM needs a collector that does not stop the loops, not more cores. */
  private static final String NO_PAUSES = "run it with a collector that does not stop the loops, -XX:+UseZGC"
      + " (HORDE_JAVA_OPTS=-XX:+UseZGC for ./horde; see docs/design.md, \"Collector and heap\"), or with fewer users per"
      + " machine";

  private GeneratorHealth() {}

  /** What went wrong on Horde's side, by kind (lag, cpu, gc, files); empty for a healthy run. */
  public static List<Problem> problems(RunStats s) {
    List<TimelinePoint> points = s.timeline().stream()
        .filter(p -> p.health() != null && p.t() > 1.0 && !p.warmup() && (p.requests() > 0 || p.users() > 0)).toList();
    List<Problem> out = new ArrayList<>();
    add(out, points, "lag", h -> h.loopLagP99Ms() >= LAG_MS, worst -> String.format(Locale.ROOT,
        "its event loops ran timers up to %s late (p99 of the worst second), and every latency timed then grew with it",
        Figures.ms(worst.stream().mapToDouble(Health::loopLagP99Ms).max().orElse(0))),
        // loops late mostly in seconds the collector paused them as long were late because of it
        worst -> 2 * worst.stream().filter(h -> 2 * h.gcPauseMs() >= h.loopLagP99Ms()).count() >= worst.size()
            ? NO_PAUSES : MORE_CPU, true);
    add(out, points, "cpu", h -> h.cpuPercent() >= CPU_PERCENT, worst -> String.format(Locale.ROOT,
        "its process used %s to %s of the CPU it may use", Figures.percent(worst.stream()
            .mapToDouble(Health::cpuPercent).min().orElse(0)), Figures.percent(worst.stream()
            .mapToDouble(Health::cpuPercent).max().orElse(0))), worst -> MORE_CPU, true);
    add(out, points, "gc", h -> h.gcPauseMs() >= GC_MS, worst -> String.format(Locale.ROOT,
        "garbage collection paused it for %s in all", Figures.ms(worst.stream().mapToDouble(Health::gcPauseMs).sum())),
        worst -> NO_PAUSES, false);
    add(out, points, "files", h -> h.maxFiles() > 0 && h.openFiles() >= FILES_SHARE * h.maxFiles(),
        worst -> String.format(Locale.ROOT, "it had %s of its %s file descriptors open", Figures.count(worst.stream()
            .mapToLong(Health::openFiles).max().orElse(0)), Figures.count(worst.get(0).maxFiles())),
        worst -> "raise its open-files limit (ulimit -n) or share connections (http.max_connections)", false);
    return out;
  }

  /** @param startup whether this kind, confined to the run's first seconds, is Horde's own start */
  private static void add(List<Problem> out, List<TimelinePoint> points, String kind, Predicate<Health> bad,
      Function<List<Health>, String> what, Function<List<Health>, String> remedy, boolean startup) {
    List<Double> seconds = new ArrayList<>();
    List<Health> worst = new ArrayList<>();
    int start = 0; // affected seconds in a row from the first one checked
    int last = -1; // the last affected one
    for (int i = 0; i < points.size(); i++) {
      TimelinePoint p = points.get(i);
      if (!bad.test(p.health())) continue;
      if (start == i) start++;
      last = i;
      seconds.add(p.t());
      worst.add(p.health());
    }
    if (seconds.size() < MIN_SECONDS) return;
    double startEnd = startup ? startEnd(points, start, seconds.size() - start, last) : 0;
    boolean lasting = points.size() - 1 - last < seconds.size();
    out.add(new Problem(kind, seconds, what.apply(worst), remedy.apply(worst), startEnd, lasting));
  }

  /**
   * Where Horde's own start ended (the end of its last second), or 0 when these seconds were no
   * start. A start is the first {@code start} seconds checked, either with later affected seconds too
   * few to count (noise, as a lone second is) and at least as many seconds after, or with a few more
   * affected seconds soon after (the JIT's recompilations, milder) and then a healthy stretch at least
   * twice as long as the whole; and more CPU used in its first seconds than after for no more
   * requests: the JIT's own work (a generator starved by other processes gets less CPU, and a load
   * that lightens later had more requests at first).
   */
  private static double startEnd(List<TimelinePoint> points, int start, int later, int last) {
    if (start == 0) return 0;
    List<TimelinePoint> first = points.subList(0, start);
    if (later < MIN_SECONDS && points.size() - start >= start && compiling(first, points.subList(start, points.size()))) {
      return points.get(start - 1).t();
    }
    int stretch = last + 1;
    boolean healthyAfter = points.size() - stretch >= 2 * stretch;
    return healthyAfter && compiling(first, points.subList(stretch, points.size())) ? points.get(last).t() : 0;
  }

  /** More CPU in {@code first} than {@code after} for no more requests. */
  private static boolean compiling(List<TimelinePoint> first, List<TimelinePoint> after) {
    return mean(first, p -> p.health().cpuPercent()) >= mean(after, p -> p.health().cpuPercent()) + START_CPU_POINTS
        && mean(first, TimelinePoint::requests) <= mean(after, TimelinePoint::requests);
  }

  private static double mean(List<TimelinePoint> seconds, ToDoubleFunction<TimelinePoint> f) {
    return seconds.stream().mapToDouble(f).average().orElse(0);
  }

  static void addTo(List<Finding> out, List<Problem> problems) {
    for (Problem p : problems) out.add(Finding.warning("generator_" + p.kind(), p.sentence()).at(p.from()));
  }

  private static String text(Problem p) {
    int n = p.seconds().size();
    if (p.startEnd() == 0) {
      String which = p.lasting() ? "Figures from " + Figures.at(p.from()) + " on" : "Figures of those seconds";
      return String.format(Locale.ROOT, "Horde itself was the bottleneck in %d second%s (%s): %s. %s describe the load"
          + " generator, not the target: %s.", n, n == 1 ? "" : "s", ranges(p.seconds()), p.what(), which, p.remedy());
    }
    long warmup = p.warmup();
    return String.format(Locale.ROOT, "Horde itself was the bottleneck in %d seconds (%s), %s its start: %s. Those of its"
        + " start describe Horde's own start (its JIT compiling the request path on the cores the load runs on), not the"
        + " target: a warm-up (warmup: %ds in the load, or --warmup %ds) leaves them out of the figures, the JIT warm-up"
        + " (--jit-warm-up on; by default only for a load that starts large) compiles that path before the load with"
        + " nothing sent to the target, and more CPU shortens them.", n, ranges(p.seconds()),
        p.seconds().get(n - 1) > p.startEnd() ? "most at" : "at", p.what(), warmup, warmup);
  }

  /** Seconds as ranges of their starts: {@code 4–9 s, 15 s}. */
  public static String ranges(List<Double> ends) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < ends.size()) {
      int j = i;
      while (j + 1 < ends.size() && ends.get(j + 1) - ends.get(j) <= 1.001) j++;
      long a = Math.round(Math.ceil(ends.get(i)) - 1), b = Math.round(Math.ceil(ends.get(j)) - 1);
      out.add(a == b ? Figures.at(a) : a + "–" + Figures.at(b));
      i = j + 1;
    }
    return String.join(", ", out);
  }
}
