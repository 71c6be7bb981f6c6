package horde.result;

import horde.criteria.Criteria;
import horde.criteria.CriterionResult;
import horde.criteria.Findings;
import horde.criteria.Verdict;
import horde.scenario.Threshold;
import horde.stats.RunStats;
import horde.stats.Settings;
import horde.stats.Windows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A finished run seen through a window of its timeline, recomputed from the result file's
 * per-second intervals: every figure, criterion, phase, finding and verdict as if only that part
 * had been measured. Grades are not recomputed (the result keeps a grade, not its table).
 *
 * <pre>{@code RunResult steady = ResultWindow.of(ResultReader.read(file), 60, 300);}</pre>
 */
public final class ResultWindow {
  private ResultWindow() {}

  /** @throws IllegalArgumentException when the result keeps no intervals or none lies in the window */
  public static RunResult of(RunResult r, double from, double to) {
    if (!(to > from)) throw new IllegalArgumentException("--to must come after --from");
    RunStats whole = r.stats();
    RunStats stats = Windows.of(whole, from, to);
    Settings settings = Settings.of(r.settings());
    Map<String, Set<String>> tasks = settings.taskEndpoints();
    List<CriterionResult> criteria = Criteria.evaluate(thresholds(r.criteria()), stats, tasks,
        r.phases().isEmpty() ? settings : null);
    List<CriterionResult> every = new ArrayList<>(criteria);
    r.phases().forEach(p -> every.addAll(p.criteria()));
    Verdict verdict = Verdict.ofRun(every, stats.total().failures());
    List<PhaseResult> phases = new ArrayList<>();
    for (PhaseResult p : r.phases()) {
      double start = Math.max(from, p.startSeconds()), end = Math.min(to, p.startSeconds() + p.stats().runSeconds());
      if (end - start < 1) continue; // not a whole second of this phase in the window
      RunStats ps;
      try {
        ps = Windows.of(whole, start, end);
      } catch (IllegalArgumentException e) {
        continue;
      }
      List<CriterionResult> pc = Criteria.evaluate(thresholds(p.criteria()), ps, tasks);
      Verdict pv = Verdict.of(pc);
      verdict = verdict.compareTo(pv) >= 0 ? verdict : pv;
      phases.add(new PhaseResult(p.name(), p.settings(), start - from, ps, pc, null, pv));
    }
    List<String> notes = new ArrayList<>(r.notes());
    notes.add(String.format(Locale.ROOT, "a window of the run: %.0f s to %.0f s of %.0f s, recomputed from its"
        + " per-second intervals (grades are not recomputed)", stats.intervals().get(0).t() - stats.intervals().get(0)
        .seconds(), stats.intervals().get(stats.intervals().size() - 1).t(), whole.runSeconds()));
    return r.toBuilder().stats(stats).criteria(criteria).verdict(verdict).phases(phases).grade(null).notes(notes)
        .findings(Findings.of(stats, r.settings())).build();
  }

  private static List<Threshold> thresholds(List<CriterionResult> criteria) {
    return criteria.stream().map(CriterionResult::threshold).toList();
  }
}
