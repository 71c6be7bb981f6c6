package horde.criteria;

import horde.scenario.Measures;
import horde.scenario.Threshold;
import horde.scenario.Metric.Statistic;
import horde.stats.Interval;
import horde.stats.LatencySummary;
import horde.stats.Names;
import horde.stats.RunStats;
import horde.stats.Settings;
import horde.stats.Slice;
import horde.stats.TheilSen;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * How a run's figures moved over its steady seconds — degradation over time. The steady seconds
 * are the longest stretch at one load after the warm-up ({@link SteadyLoad}), so a ramp or a change
 * of phase is never taken for drift. They are joined into windows of at least {@value #MIN_WINDOW}
 * seconds (at most {@value #MAX_POINTS} windows), each window's figure computed from its merged
 * histograms and counts, and a Theil–Sen line is fitted through them with its 95% interval.
 *
 * <pre>{@code
 * Drift.Trend p95 = Drift.of(stats, "p95", settings);   // null without enough steady seconds
 * p95.perHour();                                         // +38: grew 38 % an hour
 * }</pre>
 */
public final class Drift {
  /** Steady seconds needed before a trend means anything. */
  public static final int MIN_STEADY_SECONDS = 60;
  static final int MIN_WINDOW = 5, MAX_POINTS = 60, MIN_POINTS = 8;

  private Drift() {}

  /**
   * A figure's trend.
   *
   * @param from the fitted value where the steady seconds begin (ms, %, or requests/s)
   * @param to the fitted value where they end
   * @param start seconds since the run's start where the steady stretch begins
   * @param seconds how long it lasts
   * @param relative whether per-hour figures are percent of {@code from} (else points of a share)
   */
  public record Trend(String figure, TheilSen fit, double from, double to, double start, double seconds, int users,
      boolean relative) {
    /** The change per hour: percent of the starting value, or points for a share. */
    public double perHour() {
      return scaled(fit.slope());
    }

    public double lowPerHour() {
      return scaled(fit.low());
    }

    public double highPerHour() {
      return scaled(fit.high());
    }

    private double scaled(double perSecond) {
      if (!relative) return perSecond * 3600;
      return from > 0 ? perSecond * 3600 / from * 100 : Double.NaN;
    }
  }

  /**
   * A drift criterion judged by the slope's 95% interval, not its point estimate: it fails only
   * when the whole interval breaks the limit ({@code p95_drift < 10%/h} fails when even the
   * interval's lower end is above 10 %/h), so noise in a short or jumpy run, which widens the
   * interval, is never taken for a drift the data do not show. Its value is the point estimate,
   * with the interval beside it; without enough steady seconds it has no data and fails.
   */
  static CriterionResult judge(Threshold threshold, Statistic.Drift d, RunStats run, Settings load) {
    Trend t = of(run, d.figure(), load);
    double actual = t == null ? Double.NaN : t.perHour();
    if (Double.isNaN(actual)) return new CriterionResult(threshold, Double.NaN, false);
    double low = t.lowPerHour(), high = t.highPerHour();
    boolean possible = threshold.holds(low) || threshold.holds(actual) || threshold.holds(high);
    return new CriterionResult(threshold, actual, possible, low, high);
  }

  /** A criterion's value: the figure's change per hour, NaN without enough steady seconds. */
  static double value(Statistic.Drift d, RunStats run, Settings load) {
    Trend t = of(run, d.figure(), load);
    return t == null ? Double.NaN : t.perHour();
  }

  /**
   * @param figure {@code p50}, {@code p90}, {@code p95}, {@code p99}, {@code avg}, {@code error_rate} or {@code rps}
   * @param load the run's load as its settings say it (for the open model's steady stretch); may be null
   * @return null without {@value #MIN_STEADY_SECONDS} steady seconds or enough windows with answers
   */
  public static Trend of(RunStats run, String figure, Settings load) {
    List<Interval> steady = SteadyLoad.of(run, load);
    if (steady.size() < MIN_STEADY_SECONDS || run.names() == null) return null;
    int width = Math.max(MIN_WINDOW, (int) Math.ceil(steady.size() / (double) MAX_POINTS));
    List<double[]> points = new ArrayList<>();
    for (int from = 0; from + width <= steady.size(); from += width) {
      List<Interval> window = steady.subList(from, from + width);
      double y = figure(window, figure, run.names());
      double end = window.get(window.size() - 1).t(), begin = window.get(0).t() - window.get(0).seconds();
      if (!Double.isNaN(y)) points.add(new double[] {(begin + end) / 2, y});
    }
    if (points.size() < MIN_POINTS) return null;
    double[] x = points.stream().mapToDouble(p -> p[0]).toArray(), y = points.stream().mapToDouble(p -> p[1]).toArray();
    TheilSen fit = TheilSen.fit(x, y);
    double start = steady.get(0).t() - steady.get(0).seconds(), end = steady.get(steady.size() - 1).t();
    return new Trend(figure, fit, fit.at(start), fit.at(end), start, end - start, steady.get(0).users(),
        !figure.equals("error_rate"));
  }

  /** One window's figure: a latency statistic of its requests (ms), its error rate (%) or its requests per second. */
  private static double figure(List<Interval> window, String figure, Names names) {
    Histogram latency = new Histogram(3);
    long requests = 0, failures = 0;
    double seconds = 0;
    for (Interval i : window) {
      seconds += i.seconds();
      for (Slice s : i.slices()) {
        if (names.endpoint(s.endpoint()).isGroup()) continue; // transactions are not requests
        requests += s.counter(Measures.REQUESTS);
        failures += s.counter(Measures.FAILURES);
        Histogram h = figure.startsWith("p") || figure.equals("avg") ? s.histogram(Measures.LATENCY) : null;
        if (h != null) latency.add(h);
      }
    }
    return switch (figure) {
      case "rps" -> requests / seconds;
      case "error_rate" -> requests == 0 ? Double.NaN : 100.0 * failures / requests;
      default -> latency.getTotalCount() < 5 ? Double.NaN : LatencySummary.of(latency).value(figure);
    };
  }
}
