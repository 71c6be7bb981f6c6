package horde.criteria;

import horde.scenario.Threshold;

/**
 * A threshold checked against a run.
 *
 * @param actual the measured value in the threshold's unit (ms, %, /s, count); NaN when there was
 *     nothing to measure
 * @param passed false also when there was no data: an endpoint that never answered meets no
 *     latency goal
 * @param low the lower end of the value's 95% interval, NaN for a value measured exactly (only a
 *     drift is estimated: its interval decides, see {@link Drift#judge})
 * @param high the upper end, NaN likewise
 */
public record CriterionResult(Threshold threshold, double actual, boolean passed, double low, double high) {
  /** A value measured exactly, without an interval. */
  public CriterionResult(Threshold threshold, double actual, boolean passed) {
    this(threshold, actual, passed, Double.NaN, Double.NaN);
  }

  public boolean noData() {
    return Double.isNaN(actual);
  }

  /** Whether the value is an estimate with a 95% interval. */
  public boolean estimated() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }
}
