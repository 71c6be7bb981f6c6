package horde.compare;

import java.util.SplittableRandom;

/** Draws from a binomial distribution: exactly by inversion for small means, else normally. */
final class Binomial {
  /** Above this variance the normal approximation is used (its error is far below a rank). */
  private static final double NORMAL_FROM = 25;

  private Binomial() {}

  static long draw(long n, double p, SplittableRandom random) {
    if (p > 0.5) return n - draw(n, 1 - p, random);
    double mean = n * p, variance = mean * (1 - p);
    if (variance >= NORMAL_FROM) {
      long k = Math.round(mean + Math.sqrt(variance) * random.nextGaussian());
      return Math.max(0, Math.min(n, k));
    }
    double u = random.nextDouble();
    double pmf = Math.pow(1 - p, n), cdf = pmf, ratio = p / (1 - p);
    long k = 0;
    while (u > cdf && k < n && pmf > 0) {
      pmf *= (n - k) / (double) (k + 1) * ratio;
      k++;
      cdf += pmf;
    }
    return k;
  }
}
