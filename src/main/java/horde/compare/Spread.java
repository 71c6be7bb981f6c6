package horde.compare;

import java.util.List;

/**
 * How far one more run may fall from a baseline of several runs by chance alone: the half-width of
 * the prediction interval {@code t(k-1) · s · sqrt(1 + 1/k)} for k runs with standard deviation s
 * (Hahn and Meeker, <i>Statistical Intervals</i>, 2nd ed., 4.3). This is the run-to-run spread
 * that benchstat asks for by repeating each benchmark: a run differs from the last for reasons
 * no single run can show (the machine, caches, the target's state).
 */
final class Spread {
  private Spread() {}

  /** The half-width, or 0 with fewer than two values. */
  static double halfWidth(List<Double> values, double confidence) {
    int k = values.size();
    if (k < 2) return 0;
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    double s = Math.sqrt(ss / (k - 1));
    return StudentT.twoSided(confidence, k - 1) * s * Math.sqrt(1 + 1.0 / k);
  }
}
