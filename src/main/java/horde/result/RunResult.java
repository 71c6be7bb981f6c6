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
 * @param findings plain-language observations, computed from the rest when the run ends and kept
 *     as written when a result file is read back
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
    List<Finding> findings) {

  public RunResult {
    scenario = Map.copyOf(scenario);
    settings = Map.copyOf(settings);
    environment = Map.copyOf(environment);
    criteria = List.copyOf(criteria);
    findings = List.copyOf(findings);
  }

  /** A result whose findings are computed from its statistics and settings. */
  public RunResult(String hordeVersion, Map<String, String> scenario, Map<String, Object> settings,
      Map<String, Object> environment, String startedAt, RunStats stats, List<CriterionResult> criteria, Verdict verdict) {
    this(hordeVersion, scenario, settings, environment, startedAt, stats, criteria, verdict,
        Findings.of(stats, settings));
  }
}
