package horde.stats;

import java.util.Arrays;

/**
 * A robust straight line through points: the Theil–Sen estimator, the median of the slopes between
 * every pair of points, with Sen's confidence interval (the ranks of the pairwise slopes that
 * Kendall's test leaves inside it). An outlier moves it little, and it assumes no normal noise,
 * which suits per-second latencies. Costs n² / 2 slopes: callers keep n to a few hundred.
 *
 * <p>Sen's interval assumes independent noise, but a run's windows are not independent: a GC
 * cycle, a busy neighbour or a cache warming lifts several windows in a row, and with such noise
 * (lag-one autocorrelation 0.6) Sen's interval held the true slope in only 70 % of series. So the
 * variance of Kendall's S is inflated by {@code (1 + ρ) / (1 − ρ)}, the effective sample size of
 * an AR(1) series (as Hamed and Rao's modified Mann–Kendall test does with every lag), where ρ is
 * the lag-one autocorrelation of the points' residuals about the line, less its small-sample bias
 * (Kendall, 1954); it never narrows the interval. See TheilSenTest for the coverage it gives.
 *
 * <pre>{@code
 * TheilSen fit = TheilSen.fit(seconds, p95s);   // fit.slope() in p95 units per second
 * boolean rising = fit.low() > 0;               // the 95% interval excludes no trend
 * }</pre>
 *
 * @param slope per unit of x
 * @param intercept the line's value at x = 0 (the median of y − slope·x)
 * @param low the lower end of the slope's 95% interval
 * @param high the upper end
 * @param n the points fitted
 */
public record TheilSen(double slope, double intercept, double low, double high, int n) {
  /** The two-sided 95% normal quantile. */
  private static final double Z95 = 1.959964;

  /** @throws IllegalArgumentException with fewer than 3 points, or x and y of different lengths */
  public static TheilSen fit(double[] x, double[] y) {
    int n = x.length;
    if (n != y.length || n < 3) throw new IllegalArgumentException("a trend needs 3 points or more, x and y alike");
    double[] slopes = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (x[j] != x[i]) slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
      }
    }
    slopes = Arrays.copyOf(slopes, k);
    Arrays.sort(slopes);
    double slope = median(slopes);
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) residuals[i] = y[i] - slope * x[i];
    double inflation = inflation(x, residuals);
    Arrays.sort(residuals);
    // Sen (1968): the interval's ends are the slopes of rank (N ∓ C) / 2, C = z·sqrt(var S) of Kendall's S
    double c = Z95 * Math.sqrt(n * (n - 1.0) * (2 * n + 5) / 18.0 * inflation);
    int lowRank = (int) Math.floor((k - c) / 2), highRank = (int) Math.ceil((k + c) / 2);
    double low = slopes[Math.max(0, Math.min(k - 1, lowRank))], high = slopes[Math.max(0, Math.min(k - 1, highRank))];
    return new TheilSen(slope, median(residuals), low, high, n);
  }

  /**
   * How much serial correlation widens the interval: {@code (1 + ρ) / (1 − ρ)} for the lag-one
   * autocorrelation ρ of the residuals taken in order of x, bias-corrected and kept within [0, 0.95].
   */
  static double inflation(double[] x, double[] residuals) {
    int n = residuals.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
    double mean = 0;
    for (double r : residuals) mean += r / n;
    double lagged = 0, squares = 0;
    for (int i = 0; i < n; i++) {
      double d = residuals[order[i]] - mean;
      squares += d * d;
      if (i > 0) lagged += d * (residuals[order[i - 1]] - mean);
    }
    if (squares == 0) return 1;
    double rho = lagged / squares;
    rho = Math.min(0.95, Math.max(0, rho + (1 + 4 * rho) / n));
    return (1 + rho) / (1 - rho);
  }

  /** The fitted value at {@code x}. */
  public double at(double x) {
    return intercept + slope * x;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) return 0;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
