package horde.compare;

/**
 * A confidence interval of a change, in the change's own unit (milliseconds, percentage points,
 * percent).
 *
 * @param low the lower end; may be negative
 * @param high the upper end, at least {@code low}
 */
public record Interval(double low, double high) {
  public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

  public boolean above(double v) {
    return low > v;
  }

  public boolean below(double v) {
    return high < v;
  }

  /** Widened on each side to at least {@code halfWidth} around {@code centre}. */
  Interval atLeast(double centre, double halfWidth) {
    return new Interval(Math.min(low, centre - halfWidth), Math.max(high, centre + halfWidth));
  }
}
