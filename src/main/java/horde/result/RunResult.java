package horde.result;

import horde.criteria.CriterionResult;
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
 */
public record RunResult(
    String hordeVersion,
    Map<String, String> scenario,
    Map<String, Object> settings,
    Map<String, Object> environment,
    String startedAt,
    RunStats stats,
    List<CriterionResult> criteria,
    Verdict verdict) {

  public RunResult {
    scenario = Map.copyOf(scenario);
    settings = Map.copyOf(settings);
    environment = Map.copyOf(environment);
    criteria = List.copyOf(criteria);
  }
}
