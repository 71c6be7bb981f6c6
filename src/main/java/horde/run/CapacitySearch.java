package horde.run;

import horde.criteria.CriterionResult;
import horde.criteria.Verdict;
import horde.result.PhaseResult;
import horde.result.SearchSummary;
import horde.scenario.Phase;
import horde.scenario.Search;
import horde.scenario.Threshold;
import horde.stats.EndpointStats;
import horde.stats.IntervalListener;
import horde.stats.LatencySummary;
import horde.stats.RunStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The steps of a capacity search: a ladder from the lowest level, × the factor each step while the
 * scenario's thresholds hold; at the first step that misses one, bisection between the last passing
 * and the first failing level until they are within the precision (for users, one apart). Each step
 * is a phase with the scenario's thresholds; a step clearly past the knee is stopped early by its
 * {@link StepWatch}. The knee is the highest level that met every fail-level criterion.
 */
final class CapacitySearch implements RunOrder {
  private final Search spec;
  private final List<Threshold> thresholds;
  private final Map<String, Set<String>> tasks;
  private final List<Double> levels = new ArrayList<>();
  private final List<Boolean> stopped = new ArrayList<>();
  private final List<Boolean> passed = new ArrayList<>();
  private double pass = Double.NaN, fail = Double.NaN;
  private StepWatch watch;

  CapacitySearch(Search spec, List<Threshold> thresholds, Map<String, Set<String>> tasks) {
    this.spec = spec;
    this.thresholds = List.copyOf(thresholds);
    this.tasks = tasks;
  }

  @Override
  public Phase next(List<PhaseResult> done) {
    if (done.size() > passed.size()) judge(done.get(done.size() - 1));
    if (done.size() >= spec.maxSteps()) return null;
    double level = nextLevel(done.isEmpty());
    if (Double.isNaN(level)) return null;
    levels.add(level);
    return new Phase(spec.label(level), spec.load(level), thresholds, List.of(), null);
  }

  private void judge(PhaseResult step) {
    double level = levels.get(passed.size());
    stopped.add(watch != null && watch.stopped());
    passed.add(step.verdict() != Verdict.FAIL);
    if (step.verdict() == Verdict.FAIL) fail = Double.isNaN(fail) ? level : Math.min(fail, level);
    // the knee: the highest passing level below the lowest failure (one above it passed by chance)
    pass = Double.NaN;
    for (int i = 0; i < passed.size(); i++) {
      if (passed.get(i) && (Double.isNaN(fail) || levels.get(i) < fail)) pass = Double.isNaN(pass) ? levels.get(i)
          : Math.max(pass, levels.get(i));
    }
  }

  /** The next level to try; NaN when the search is done. */
  private double nextLevel(boolean first) {
    if (first) return spec.from();
    double last = levels.get(levels.size() - 1);
    if (Double.isNaN(fail)) { // still climbing the ladder
      if (last >= spec.to()) return Double.NaN;
      double up = Math.min(spec.to(), last * spec.factor());
      if (spec.kind() == Search.Kind.USERS) up = Math.min(spec.to(), Math.max(last + 1, Math.ceil(up)));
      return up;
    }
    if (Double.isNaN(pass)) return Double.NaN; // even the lowest level missed
    double resolution = spec.kind() == Search.Kind.USERS ? Math.max(1, spec.precision() * pass) : spec.precision() * pass;
    if (fail - pass <= resolution + 1e-9) return Double.NaN;
    double mid = (pass + fail) / 2;
    if (spec.kind() == Search.Kind.USERS) mid = Math.floor(mid);
    else mid = Math.round(mid * 100) / 100.0;
    return mid <= pass || mid >= fail ? Double.NaN : mid;
  }

  @Override
  public int planned() {
    return 0;
  }

  @Override
  public IntervalListener watch(Phase phase, Runnable stop) {
    watch = new StepWatch(phase.thresholds(), spec.margin(), tasks, spec.kind() == Search.Kind.RATE
        ? levels.get(levels.size() - 1) : 0, stop);
    return watch;
  }

  @Override
  public boolean stoppedLast() {
    return watch != null && watch.stopped();
  }

  /** The outcome, from the steps' results (in the order run). */
  SearchSummary summary(List<PhaseResult> steps) {
    if (passed.size() < steps.size()) judge(steps.get(steps.size() - 1));
    List<SearchSummary.Step> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) out.add(step(levels.get(i), steps.get(i), stopped.get(i)));
    double knee = pass;
    String firstFailed = firstFailed(steps);
    boolean enough = !Double.isNaN(knee) && knee >= spec.atLeast();
    Verdict verdict = enough ? Verdict.PASS : Verdict.FAIL;
    return new SearchSummary(spec.kind().key, spec.from(), spec.to(), out, knee, firstFailed, spec.atLeast(), verdict,
        conclusion(knee, firstFailed, out));
  }

  /** One step's point on the curve. */
  private static SearchSummary.Step step(double level, PhaseResult p, boolean stoppedEarly) {
    RunStats s = p.stats();
    EndpointStats t = s.total();
    LatencySummary l = t.latency().getTotalCount() > 0 ? t.summary() : null;
    double ttft = t.llm() == null || t.llm().ttft().getTotalCount() == 0 ? Double.NaN
        : LatencySummary.of(t.llm().ttft()).p95();
    return new SearchSummary.Step(level, p.name(), p.verdict() != Verdict.FAIL, stoppedEarly, s.runSeconds(), s.rps(),
        l == null ? Double.NaN : l.p50(), l == null ? Double.NaN : l.p95(), l == null ? Double.NaN : l.p99(),
        t.requests() == 0 ? Double.NaN : t.errorRatePercent(), ttft, s.droppedIterations());
  }

  /** At the lowest failing level, the fail-level criterion furthest past its limit. */
  private String firstFailed(List<PhaseResult> steps) {
    PhaseResult lowest = null;
    double at = Double.POSITIVE_INFINITY;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).verdict() == Verdict.FAIL && levels.get(i) < at) {
        at = levels.get(i);
        lowest = steps.get(i);
      }
    }
    if (lowest == null) return null;
    return lowest.criteria().stream().filter(c -> !c.passed() && c.threshold().level() == Threshold.Level.FAIL)
        .max(Comparator.comparingDouble(CapacitySearch::overshoot)).map(c -> c.threshold().expression()).orElse(null);
  }

  /** How far past its limit a criterion is, as a ratio (no data counts as far). */
  static double overshoot(CriterionResult c) {
    double a = c.actual(), limit = c.threshold().value();
    if (Double.isNaN(a)) return Double.MAX_VALUE;
    if (limit == 0) return Math.abs(a) + 1;
    return switch (c.threshold().comparator()) {
      case LT, LE -> a / limit;
      case GT, GE -> a == 0 ? Double.MAX_VALUE : limit / a;
      default -> 1;
    };
  }

  private String conclusion(double knee, String firstFailed, List<SearchSummary.Step> steps) {
    SearchSummary s = new SearchSummary(spec.kind().key, spec.from(), spec.to(), steps, knee, firstFailed, spec.atLeast(),
        Verdict.PASS, "");
    if (Double.isNaN(knee))
      return String.format(Locale.ROOT, "no knee: even %s missed the criteria (%s failed)", s.label(spec.from()), firstFailed);
    String where = Double.isNaN(fail) ? String.format(Locale.ROOT, "every level up to %s met the criteria", s.label(knee))
        : String.format(Locale.ROOT, "knee at %s: %s failed first, at %s", s.label(knee), firstFailed, s.label(fail));
    if (spec.atLeast() > 0 && knee < spec.atLeast())
      where += String.format(Locale.ROOT, "; below the %s required", s.label(spec.atLeast()));
    return where;
  }
}
