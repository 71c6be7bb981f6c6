package horde.result;

import horde.criteria.CriterionResult;
import horde.criteria.Verdict;
import horde.stats.RunStats;
import java.util.List;
import java.util.Map;

/**
 * One phase of a multi-phase run, judged on its own.
 *
 * @param startSeconds where the phase begins on the overall timeline
 * @param grade the phase's grade, or null without a grade table
 */
public record PhaseResult(String name, Map<String, Object> settings, double startSeconds, RunStats stats,
    List<CriterionResult> criteria, String grade, Verdict verdict) {
  public PhaseResult {
    settings = Ordered.copy(settings);
    criteria = List.copyOf(criteria);
  }
}
