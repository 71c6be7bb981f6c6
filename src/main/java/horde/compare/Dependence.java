package horde.compare;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

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
 *
 * <p>Each endpoint's seconds come from the result's per-second intervals; results without them fall
 * back to the timeline of all requests together, whose factor then stands for every endpoint.
 */
final class Dependence {
  /** Seconds shorter than this (the last, cut short) are left out: their percentiles rest on too little. */
  private static final double MIN_SECOND = 0.5;

  private Dependence() {}

  /** A second's percentile rests on at least this many values, or the second is left out. */
  static final int MIN_BATCH = 20;

  /**
   * The design effect of one endpoint's measure from its own seconds (the result's per-second
   * intervals), at least 1; NaN when it has fewer than two seconds to tell from.
   */
  static double of(MeasuredEndpoint e, Measure m) {
    List<MeasuredEndpoint.Batch> seconds = e.batches().stream().filter(b -> b.seconds() >= MIN_SECOND).toList();
    return switch (m.kind) {
      case THROUGHPUT -> counts(seconds.stream().map(b -> b.requests() / b.seconds()).toList());
      case ERRORS -> errors(seconds, e.requests(), e.failures());
      default -> quantile(seconds, m.kind, m.quantile, e.histogram(m.kind));
    };
  }

  private static double quantile(List<MeasuredEndpoint.Batch> seconds, Measure.Kind kind, double q, Histogram whole) {
    List<Double> values = new ArrayList<>();
    for (MeasuredEndpoint.Batch b : seconds) {
      Histogram h = b.histogram(kind);
      if (h != null && h.getTotalCount() >= MIN_BATCH) values.add(h.getValueAtPercentile(100 * q) / 1000.0);
    }
    if (values.size() < 2 || whole == null) return Double.NaN;
    return ratio(variance(values) / values.size(), Ranked.of(whole), q);
  }

  private static double errors(List<MeasuredEndpoint.Batch> seconds, long requests, long failures) {
    List<Double> rates = new ArrayList<>();
    for (MeasuredEndpoint.Batch b : seconds) if (b.requests() >= MIN_BATCH) rates.add(b.failures() / (double) b.requests());
    if (rates.size() < 2 || requests == 0 || failures == 0 || failures == requests) return Double.NaN;
    double p = failures / (double) requests;
    return Math.max(1, (variance(rates) / rates.size()) / (p * (1 - p) / requests));
  }

  private static double counts(List<Double> perSecond) {
    if (perSecond.size() < 2) return Double.NaN;
    double mean = perSecond.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return mean <= 0 ? Double.NaN : Math.max(1, variance(perSecond) / mean);
  }

  /** The batches' variance of the quantile over the variance independent samples would give it. */
  private static double ratio(double batch, Ranked r, double q) {
    long n = r.count();
    if (n < QuantileBootstrap.MIN_SAMPLES) return Double.NaN;
    double sd = Math.sqrt(n * q * (1 - q));
    double spread = (r.at(Math.round(n * q + sd)) - r.at(Math.round(n * q - sd))) / 2000.0;
    double independent = Math.max(spread, 0.001); // a microsecond: the histogram's resolution
    return Math.max(1, batch / (independent * independent));
  }

  /**
   * The design effect of the run's q-quantile of latency (q = 0.5, 0.95 or 0.99) from its timeline
   * (all requests together), at least 1: for results without per-second intervals.
   */
  static double quantile(MeasuredRun run, double q) {
    List<Double> values = new ArrayList<>();
    for (Measured.Second s : run.seconds()) {
      if (s.seconds() < MIN_SECOND) continue;
      double v = q < 0.9 ? s.p50() : q < 0.98 ? s.p95() : s.p99();
      if (!Double.isNaN(v)) values.add(v);
    }
    if (values.size() < 2) return 1;
    double d = ratio(variance(values) / values.size(), Ranked.of(run.total().latency()), q);
    return Double.isNaN(d) ? 1 : d;
  }

  /**
   * The design effect of the run's request count from its timeline: the variance of its per-second
   * counts over their mean (1 for Poisson counts), at least 1.
   */
  static double throughput(MeasuredRun run) {
    List<Double> perSecond = new ArrayList<>();
    for (Measured.Second s : run.seconds()) if (s.seconds() >= MIN_SECOND) perSecond.add(s.requests() / s.seconds());
    double d = counts(perSecond);
    return Double.isNaN(d) ? 1 : d;
  }

  private static double variance(List<Double> v) {
    double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (v.size() - 1);
  }
}
