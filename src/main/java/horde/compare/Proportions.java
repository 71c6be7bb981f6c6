package horde.compare;

/**
 * Intervals for error rates (proportions of failed requests) and their differences. Newcombe's
 * hybrid score interval (method 10 of Newcombe, "Interval estimation for the difference between
 * independent proportions", Statistics in Medicine 17, 1998) combines the two Wilson score
 * intervals; unlike the Wald interval it stays sound at 0 failures and with small counts.
 */
final class Proportions {
  private Proportions() {}

  /** Wilson's score interval of {@code k} out of {@code n}, as proportions. */
  static Interval wilson(long k, long n, double z) {
    double p = k / (double) n, z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** The interval of {@code kb/nb - ka/na}, as proportions. */
  static Interval difference(long ka, long na, long kb, long nb, double confidence) {
    double z = Normal.twoSided(confidence);
    double pa = ka / (double) na, pb = kb / (double) nb;
    Interval a = wilson(ka, na, z), b = wilson(kb, nb, z);
    double d = pb - pa;
    double low = d - Math.sqrt(sq(pb - b.low()) + sq(a.high() - pa));
    double high = d + Math.sqrt(sq(b.high() - pb) + sq(pa - a.low()));
    return new Interval(low, high);
  }

  private static double sq(double v) {
    return v * v;
  }
}
