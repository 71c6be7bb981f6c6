package horde.result;

import horde.criteria.CriterionResult;
import horde.criteria.Finding;
import horde.criteria.Findings;
import horde.criteria.Verdict;
import horde.stats.RunStats;
import java.util.List;
import java.util.Map;

/**
 * The canonical outcome of a run: what ran, where, what was measured, and whether the criteria
 * held. Written as JSON by {@link ResultJson}; every reporter reads only this.
 *
 * @param scenario name, file and target (the target without credentials or query)
 * @param settings the load and engine settings as run, for the record
 * @param environment java version, processors, os, transport
 * @param stats the whole run (with phases: all of them, merged exactly)
 * @param criteria the scenario's own thresholds on {@code stats}
 * @param verdict the worst of these criteria and every phase's
 * @param phases each phase on its own; empty for a single run
 * @param grade the scenario's grade table applied to {@code stats}, or null
 * @param notes what else happened that a reader should know (a failed teardown)
 * @param findings plain-language observations, computed from the rest when the run ends and kept
 *     as written when a result file is read back
 * @param target what watching the target's metrics did ({@code monitor:}), or null
 * @param search a capacity search's knee and curve, or null
 */
public record RunResult(
    String hordeVersion,
    Map<String, String> scenario,
    Map<String, Object> settings,
    Map<String, Object> environment,
    String startedAt,
    RunStats stats,
    List<CriterionResult> criteria,
    Verdict verdict,
    List<PhaseResult> phases,
    String grade,
    List<String> notes,
    List<Finding> findings,
    TargetSummary target,
    SearchSummary search) {

  public RunResult {
    scenario = Ordered.copy(scenario);
    settings = Ordered.copy(settings);
    environment = Ordered.copy(environment);
    criteria = List.copyOf(criteria);
    phases = List.copyOf(phases == null ? List.of() : phases);
    notes = List.copyOf(notes == null ? List.of() : notes);
    findings = List.copyOf(findings);
  }

  /** Without target metrics or a search. */
  public RunResult(String hordeVersion, Map<String, String> scenario, Map<String, Object> settings,
      Map<String, Object> environment, String startedAt, RunStats stats, List<CriterionResult> criteria,
      Verdict verdict, List<PhaseResult> phases, String grade, List<String> notes, List<Finding> findings) {
    this(hordeVersion, scenario, settings, environment, startedAt, stats, criteria, verdict, phases, grade, notes, findings,
        null, null);
  }

  /** The same result with a target summary and a search. */
  public RunResult with(TargetSummary newTarget, SearchSummary newSearch) {
    return new RunResult(hordeVersion, scenario, settings, environment, startedAt, stats, criteria, verdict, phases, grade,
        notes, findings, newTarget, newSearch);
  }

  /** A result whose findings are computed from its statistics and settings. */
  public RunResult(String hordeVersion, Map<String, String> scenario, Map<String, Object> settings,
      Map<String, Object> environment, String startedAt, RunStats stats, List<CriterionResult> criteria,
      Verdict verdict, List<PhaseResult> phases, String grade, List<String> notes) {
    this(hordeVersion, scenario, settings, environment, startedAt, stats, criteria, verdict, phases, grade, notes,
        Findings.of(stats, settings));
  }

  /** A single run (no phases, grade or notes) with the given findings. */
  public RunResult(String hordeVersion, Map<String, String> scenario, Map<String, Object> settings,
      Map<String, Object> environment, String startedAt, RunStats stats, List<CriterionResult> criteria,
      Verdict verdict, List<Finding> findings) {
    this(hordeVersion, scenario, settings, environment, startedAt, stats, criteria, verdict, null, null, null, findings);
  }

  /** A single run whose findings are computed from its statistics and settings. */
  public RunResult(String hordeVersion, Map<String, String> scenario, Map<String, Object> settings,
      Map<String, Object> environment, String startedAt, RunStats stats, List<CriterionResult> criteria,
      Verdict verdict) {
    this(hordeVersion, scenario, settings, environment, startedAt, stats, criteria, verdict, null, null, null);
  }
}
