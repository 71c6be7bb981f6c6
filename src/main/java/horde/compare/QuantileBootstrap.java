package horde.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The confidence interval of the difference between two samples' q-quantiles, bootstrapped from
 * their histograms.
 *
 * <p>Resampling n values from a sample and taking the q-quantile of the resample gives, to first
 * order, the value whose rank is binomially distributed, Bin(n, q): the rank interval of the
 * classic distribution-free quantile interval (Conover, <i>Practical Nonparametric Statistics</i>,
 * 3.2). So each replicate draws one rank per sample instead of n values, which makes a replicate
 * cost two binary searches whatever the sample size. The percentile interval of {@link
 * #REPLICATES} differences is the result; a fixed seed makes a comparison repeatable.
 */
final class QuantileBootstrap {
  static final int REPLICATES = 2000;
  /** Fewer values than this make no percentile worth comparing. */
  static final long MIN_SAMPLES = 20;

  private static final long SEED = 0x5EED_CAFEL;

  private QuantileBootstrap() {}

  /**
   * Whether a sample of {@code n} bounds its q-quantile at this confidence: the rank interval
   * {@code nq ± z·sqrt(nq(1-q))} must lie inside the sample. Otherwise the quantile is one of its
   * few largest (or smallest) values and its interval has no end.
   */
  static boolean resolves(long n, double q, double confidence) {
    if (n < MIN_SAMPLES) return false;
    double z = Normal.twoSided(confidence), mean = n * q, sd = Math.sqrt(n * q * (1 - q));
    return mean - z * sd >= 1 && mean + z * sd <= n;
  }

  /** The interval of {@code b}'s q-quantile minus {@code a}'s, in the histograms' unit. */
  static Interval difference(Ranked a, Ranked b, double q, double confidence) {
    SplittableRandom random = new SplittableRandom(SEED);
    double[] diffs = new double[REPLICATES];
    for (int i = 0; i < REPLICATES; i++) {
      long ra = Binomial.draw(a.count(), q, random), rb = Binomial.draw(b.count(), q, random);
      diffs[i] = b.at(rb) - a.at(ra);
    }
    Arrays.sort(diffs);
    double tail = (1 - confidence) / 2;
    int lo = (int) Math.floor(tail * REPLICATES);
    int hi = Math.min(REPLICATES - 1, (int) Math.ceil((1 - tail) * REPLICATES) - 1);
    return new Interval(diffs[lo], diffs[hi]);
  }
}
