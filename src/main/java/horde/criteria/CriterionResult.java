package horde.criteria;

import horde.scenario.Threshold;

/**
 * A threshold checked against a run.
 *
 * @param actual the measured value in the threshold's unit (ms, %, /s, count); NaN when there was
 *     nothing to measure
 * @param passed false also when there was no data: an endpoint that never answered meets no
 *     latency goal
 */
public record CriterionResult(Threshold threshold, double actual, boolean passed) {
  public boolean noData() {
    return Double.isNaN(actual);
  }
}
