package horde.compare;

/**
 * The interval of the ratio of two request rates, {@code (kb/tb) / (ka/ta)}. Given the total
 * {@code ka + kb}, the candidate's share of the requests is binomial with a proportion fixed by
 * the ratio, so the Wilson interval of that share maps onto an interval of the ratio: the
 * conditional test for two Poisson rates (Przyborowski and Wilenski, Biometrika 31, 1940).
 *
 * <p>A closed-model run's counts vary less than Poisson counts (each user sends the next request
 * when the last one returns), so the interval is, if anything, too wide: it errs towards
 * "unchanged".
 */
final class RateRatio {
  private RateRatio() {}

  /** The interval of the ratio of rates, or {@link Interval#NONE} when a count is zero. */
  static Interval of(long ka, double ta, long kb, double tb, double confidence) {
    if (ka == 0 || kb == 0) return Interval.NONE;
    Interval share = Proportions.wilson(kb, ka + kb, Normal.twoSided(confidence));
    return new Interval(ratio(share.low(), ta, tb), ratio(share.high(), ta, tb));
  }

  private static double ratio(double share, double ta, double tb) {
    if (share >= 1) return Double.POSITIVE_INFINITY;
    return share / (1 - share) * ta / tb;
  }
}
