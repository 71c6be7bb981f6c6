package horde.compare;

import horde.scenario.CompareSettings.Level;

/**
 * One measure of one endpoint, compared. Values, the change, its interval and the tolerance are in
 * the measure's unit ({@link Measure#unit()}); the change of an error rate is in percentage points.
 *
 * @param baseline the baseline's value (with several baseline runs: of all of them together)
 * @param candidate the candidate's value
 * @param delta {@code candidate - baseline}
 * @param interval the confidence interval of {@code delta}; {@link Interval#NONE} without a verdict
 * @param tolerance how large {@code delta} must be to count
 * @param test how the interval was found, in words
 * @param note why there is no verdict, or null
 */
public record Change(Measure measure, double baseline, double candidate, double delta, Interval interval,
    double tolerance, String test, ChangeVerdict verdict, Level level, String note) {

  /** {@code delta} as a percentage of the baseline; NaN when the baseline is 0. */
  public double percent() {
    return baseline == 0 ? Double.NaN : 100 * delta / baseline;
  }

  /** Whether the interval excludes no change (the evidence part of a verdict). */
  public boolean significant() {
    return interval.above(0) || interval.below(0);
  }

  static Change insufficient(Measure m, double baseline, double candidate, Level level, String note) {
    return new Change(m, baseline, candidate, candidate - baseline, Interval.NONE, Double.NaN, "none",
        ChangeVerdict.INSUFFICIENT_DATA, level, note);
  }
}
