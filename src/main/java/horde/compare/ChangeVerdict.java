package horde.compare;

import java.util.Locale;

/** What a comparison says of one measure of one endpoint. */
public enum ChangeVerdict {
  IMPROVED,
  UNCHANGED,
  REGRESSED,
  /** Too few samples in one of the runs to bound the measure: no verdict, rather than a guess. */
  INSUFFICIENT_DATA;

  /** {@code improved}, ..., {@code insufficient data}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /**
   * The verdict on a change {@code delta} with interval {@code interval}: a regression (or an
   * improvement) needs both the evidence, an interval that excludes no change, and the size, a
   * change beyond the tolerance.
   */
  static ChangeVerdict judge(double delta, Interval interval, double tolerance, boolean higherIsWorse) {
    boolean up = interval.above(0) && delta > tolerance;
    boolean down = interval.below(0) && delta < -tolerance;
    if (up) return higherIsWorse ? REGRESSED : IMPROVED;
    if (down) return higherIsWorse ? IMPROVED : REGRESSED;
    return UNCHANGED;
  }
}
