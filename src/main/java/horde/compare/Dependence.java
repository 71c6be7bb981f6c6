package horde.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * How much less a run's samples tell than as many independent ones would: its design effect
 * (Kish, <i>Survey Sampling</i>, 1965), measured from how much the run's figures move from second
 * to second.
 *
 * <p>The requests of a load test are not independent: a pause of the generator, the network or the
 * target delays every request in flight at once, so a single stall moves a p95 by more than any
 * count of samples suggests. Treating each second as a batch (the batch-means method of simulation
 * output analysis; for quantiles, Heidelberger and Lewis, "Quantile estimation in dependent
 * sequences", Operations Research 32, 1984), the variance of the per-second percentiles divided by
 * their number estimates the variance of the run's percentile whatever the dependence. Its ratio to
 * the variance independent samples would give is the factor by which an interval's variance must
 * grow. Only ever a widening: with fewer than two measured seconds, or seconds steadier than
 * independent samples, the factor is 1.
 */
final class Dependence {
  /** Seconds shorter than this (the last, cut short) are left out: their percentiles rest on too little. */
  private static final double MIN_SECOND = 0.5;

  private Dependence() {}

  /** The design effect of the run's q-quantile of latency (q = 0.5, 0.95 or 0.99), at least 1. */
  static double quantile(MeasuredRun run, double q) {
    List<Double> values = new ArrayList<>();
    for (Measured.Second s : run.seconds()) {
      if (s.seconds() < MIN_SECOND) continue;
      double v = q < 0.9 ? s.p50() : q < 0.98 ? s.p95() : s.p99();
      if (!Double.isNaN(v)) values.add(v);
    }
    if (values.size() < 2) return 1;
    double batch = variance(values) / values.size();
    Ranked r = Ranked.of(run.total().latency());
    long n = r.count();
    if (n < QuantileBootstrap.MIN_SAMPLES) return 1;
    double sd = Math.sqrt(n * q * (1 - q));
    double spread = (r.at(Math.round(n * q + sd)) - r.at(Math.round(n * q - sd))) / 2000.0;
    double independent = Math.max(spread, 0.001); // a microsecond: the histogram's resolution
    return Math.max(1, batch / (independent * independent));
  }

  /** The design effect of the run's request count: the variance of its per-second counts over their mean (1 for Poisson counts). */
  static double throughput(MeasuredRun run) {
    List<Double> counts = new ArrayList<>();
    for (Measured.Second s : run.seconds()) {
      if (s.seconds() >= MIN_SECOND) counts.add(s.requests() / s.seconds());
    }
    if (counts.size() < 2) return 1;
    double mean = counts.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return mean <= 0 ? 1 : Math.max(1, variance(counts) / mean);
  }

  private static double variance(List<Double> v) {
    double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (v.size() - 1);
  }
}
