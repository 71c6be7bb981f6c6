package horde.compare;

import horde.scenario.CompareSettings.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Compares one measure of one endpoint: the candidate against the baseline's runs taken together,
 * and, with two or more baseline runs, against their run-to-run spread too (docs/compare.md).
 */
final class Changes {
  private final Tolerance tolerance;
  private final double confidence;
  private final List<MeasuredRun> runs;

  /** @param runs every run compared, the baseline's in order and the candidate last, for their design effects */
  Changes(Tolerance tolerance, List<MeasuredRun> runs) {
    this.tolerance = tolerance;
    this.confidence = tolerance.confidence();
    this.runs = runs;
  }

  /**
   * The design effect of the change: each side's own (from the endpoint's seconds where the results
   * have them, else for latency and throughput from the runs' timelines, else 1), weighted by how
   * much each side adds to the variance of the change. A side's variance goes as one over its count,
   * so a baseline of many runs weighs little, and one stalled run among five is diluted, not
   * decisive.
   */
  private double dependence(Measure m, List<MeasuredEndpoint> baseline, MeasuredEndpoint candidate) {
    boolean own = baseline.stream().anyMatch(e -> !Double.isNaN(Dependence.of(e, m))) || !Double.isNaN(Dependence.of(candidate, m));
    double weighted = 0, nb = 0;
    for (int i = 0; i < baseline.size(); i++) {
      double n = count(baseline.get(i), m);
      weighted += n * effect(m, baseline.get(i), runs.get(i), own);
      nb += n;
    }
    double nc = count(candidate, m), dc = effect(m, candidate, runs.get(runs.size() - 1), own);
    if (nb <= 0 || nc <= 0) return 1;
    double db = weighted / nb;
    return (dc / nc + db / nb) / (1 / nc + 1 / nb);
  }

  private static double effect(Measure m, MeasuredEndpoint e, MeasuredRun run, boolean own) {
    if (own) {
      double d = Dependence.of(e, m);
      return Double.isNaN(d) ? 1 : d;
    }
    return switch (m.kind) {
      case THROUGHPUT -> Dependence.throughput(run);
      case LATENCY -> Dependence.quantile(run, m.quantile);
      default -> 1;
    };
  }

  private static double count(MeasuredEndpoint e, Measure m) {
    if (m.kind == Measure.Kind.ERRORS || m.kind == Measure.Kind.THROUGHPUT) return e.requests();
    Histogram h = e.histogram(m.kind);
    return h == null ? 0 : h.getTotalCount();
  }

  /** The interval around {@code delta} stretched by the square root of the design effect. */
  private static Interval widened(double delta, Interval i, double designEffect) {
    double f = Math.sqrt(designEffect);
    return new Interval(delta - f * (delta - i.low()), delta + f * (i.high() - delta));
  }

  private String dependent(double designEffect) {
    return String.format(Locale.ROOT, ", widened %.1f times for the runs' second-to-second variation (batch means)", Math.sqrt(designEffect));
  }

  Level level(Measure m) {
    return tolerance.level(m);
  }

  /** A latency percentile (of responses, first tokens or token gaps); null when neither run has it. */
  Change time(Measure m, List<MeasuredEndpoint> baseline, MeasuredEndpoint candidate) {
    Level level = tolerance.level(m);
    Histogram merged = new Histogram(3);
    List<Histogram> runs = new ArrayList<>();
    for (MeasuredEndpoint b : baseline) {
      Histogram h = b.histogram(m.kind);
      if (h == null) continue;
      merged.add(h);
      runs.add(h);
    }
    Histogram c = candidate.histogram(m.kind);
    if (runs.isEmpty() && c == null) return null;
    if (runs.isEmpty() || c == null)
      return Change.insufficient(m, Double.NaN, Double.NaN, level, (c == null ? "the candidate" : "the baseline") + " has no " + what(m));
    Ranked a = Ranked.of(merged), b = Ranked.of(c);
    double base = a.count() == 0 ? Double.NaN : a.quantile(m.quantile) / 1000.0;
    double cand = b.count() == 0 ? Double.NaN : b.quantile(m.quantile) / 1000.0;
    if (!QuantileBootstrap.resolves(a.count(), m.quantile, confidence) || !QuantileBootstrap.resolves(b.count(), m.quantile, confidence))
      return Change.insufficient(m, base, cand, level, String.format(Locale.ROOT,
          "too few values to bound %s at %s confidence: %d in the baseline, %d in the candidate", m.key(), percent(), a.count(), b.count()));
    Interval interval = QuantileBootstrap.difference(a, b, m.quantile, confidence);
    interval = new Interval(interval.low() / 1000.0, interval.high() / 1000.0);
    String test = "bootstrap of the " + m.key().replace("ttft_", "").replace("itl_", "") + " difference from the histograms";
    List<Double> perRun = new ArrayList<>();
    for (Histogram h : runs) {
      if (QuantileBootstrap.resolves(h.getTotalCount(), m.quantile, confidence)) perRun.add(Ranked.of(h).quantile(m.quantile) / 1000.0);
    }
    return finish(m, base, cand, interval, test, perRun, baseline, candidate);
  }

  /** The error rate, in percent; its change in percentage points. */
  Change errors(List<MeasuredEndpoint> baseline, MeasuredEndpoint candidate) {
    Measure m = Measure.ERROR_RATE;
    long na = 0, fa = 0;
    List<Double> perRun = new ArrayList<>();
    for (MeasuredEndpoint b : baseline) {
      na += b.requests();
      fa += b.failures();
      if (b.requests() >= QuantileBootstrap.MIN_SAMPLES) perRun.add(100.0 * b.failures() / b.requests());
    }
    long nc = candidate.requests(), fc = candidate.failures();
    double base = na == 0 ? Double.NaN : 100.0 * fa / na, cand = nc == 0 ? Double.NaN : 100.0 * fc / nc;
    if (na < QuantileBootstrap.MIN_SAMPLES || nc < QuantileBootstrap.MIN_SAMPLES)
      return Change.insufficient(m, base, cand, tolerance.level(m), String.format(Locale.ROOT,
          "too few requests for an error rate: %d in the baseline, %d in the candidate", na, nc));
    Interval p = Proportions.difference(fa, na, fc, nc, confidence);
    return finish(m, base, cand, new Interval(100 * p.low(), 100 * p.high()),
        "Newcombe's score interval of the difference of two proportions", perRun, baseline, candidate);
  }


  /** Requests per second over the measured window. */
  Change throughput(List<MeasuredEndpoint> baseline, List<Double> baselineSeconds, MeasuredEndpoint candidate, double seconds) {
    Measure m = Measure.THROUGHPUT;
    long na = 0;
    double ta = 0;
    List<Double> perRun = new ArrayList<>();
    for (int i = 0; i < baseline.size(); i++) {
      na += baseline.get(i).requests();
      ta += baselineSeconds.get(i);
      if (baselineSeconds.get(i) > 0 && baseline.get(i).requests() >= QuantileBootstrap.MIN_SAMPLES)
        perRun.add(baseline.get(i).requests() / baselineSeconds.get(i));
    }
    long nc = candidate.requests();
    double base = ta > 0 ? na / ta : Double.NaN, cand = seconds > 0 ? nc / seconds : Double.NaN;
    if (na < QuantileBootstrap.MIN_SAMPLES || nc < QuantileBootstrap.MIN_SAMPLES || !(ta > 0) || !(seconds > 0))
      return Change.insufficient(m, base, cand, tolerance.level(m), String.format(Locale.ROOT,
          "too few requests for a rate: %d in the baseline, %d in the candidate", na, nc));
    Interval ratio = RateRatio.of(na, ta, nc, seconds, confidence);
    return finish(m, base, cand, new Interval(base * (ratio.low() - 1), base * (ratio.high() - 1)),
        "conditional test of two Poisson rates", perRun, baseline, candidate);
  }

  /**
   * Widens the interval for the runs' second-to-second dependence, then to the baseline's
   * run-to-run spread when it has several runs, and judges.
   */
  private Change finish(Measure m, double base, double cand, Interval interval, String test, List<Double> perRun,
      List<MeasuredEndpoint> baseline, MeasuredEndpoint candidate) {
    double delta = cand - base;
    double d = dependence(m, baseline, candidate);
    if (d > 1.0001) {
      interval = widened(delta, interval, d);
      test += dependent(d);
    }
    if (perRun.size() >= 2) {
      interval = interval.atLeast(delta, Spread.halfWidth(perRun, confidence));
      test += ", widened to the spread of " + perRun.size() + " baseline runs (t prediction interval)";
    }
    double tol = tolerance.of(m, base);
    return new Change(m, base, cand, delta, interval, tol, test, ChangeVerdict.judge(delta, interval, tol, m.higherIsWorse()),
        tolerance.level(m), null);
  }

  private String percent() {
    return String.format(Locale.ROOT, "%.0f%%", tolerance.confidencePercent());
  }

  private static String what(Measure m) {
    return switch (m.kind) {
      case TTFT -> "time to first token (not streamed)";
      case ITL -> "inter-token latency (not streamed)";
      default -> "latency";
    };
  }
}
