package horde.compare;

/**
 * Student's t distribution, for prediction intervals from a handful of baseline runs. The quantile
 * is found by bisection on the distribution function, which is the regularized incomplete beta
 * function (Numerical Recipes, 2nd ed., 6.4: continued fraction by the modified Lentz method).
 */
final class StudentT {
  private StudentT() {}

  /** The t with {@code P(|T| <= t) = confidence} for {@code df} degrees of freedom. */
  static double twoSided(double confidence, int df) {
    if (df < 1) throw new IllegalArgumentException("degrees of freedom must be 1 or more: " + df);
    double tail = (1 - confidence) / 2;
    double lo = 0, hi = 1;
    while (upperTail(hi, df) > tail) hi *= 2;
    for (int i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (upperTail(mid, df) > tail) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }

  /** {@code P(T > t)} for {@code t >= 0}. */
  static double upperTail(double t, int df) {
    return 0.5 * incompleteBeta(df / (df + t * t), df / 2.0, 0.5);
  }

  private static double incompleteBeta(double x, double a, double b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    if (x < (a + 1) / (a + b + 2)) return front * fraction(x, a, b) / a;
    return 1 - front * fraction(1 - x, b, a) / b;
  }

  private static double fraction(double x, double a, double b) {
    double tiny = 1e-300;
    double c = 1, d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 300; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 / nonZero(1 + aa * d);
      c = nonZero(1 + aa / c);
      h *= d * c;
      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 / nonZero(1 + aa * d);
      c = nonZero(1 + aa / c);
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) < 1e-14) break;
    }
    return h;
  }

  private static double nonZero(double v) {
    return Math.abs(v) < 1e-300 ? 1e-300 : v;
  }

  /** Lanczos approximation (g = 7, n = 9), accurate to about 1e-15 for positive arguments. */
  static double logGamma(double x) {
    double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    x -= 1;
    double sum = g[0];
    for (int i = 1; i < g.length; i++) sum += g[i] / (x + i);
    double t = x + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
