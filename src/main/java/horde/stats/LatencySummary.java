package horde.stats;

import org.HdrHistogram.Histogram;

/** Latency figures in milliseconds, read from a histogram of microseconds. */
public record LatencySummary(
    double min, double avg, double p50, double p90, double p95, double p99, double p999, double max) {
  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);

  public static LatencySummary of(Histogram micros) {
    if (micros.getTotalCount() == 0) return EMPTY;
    return new LatencySummary(
        ms(micros.getMinValue()), round(micros.getMean() / 1000.0),
        pct(micros, 50), pct(micros, 90), pct(micros, 95), pct(micros, 99), pct(micros, 99.9),
        ms(micros.getMaxValue()));
  }

  /** The percentile in milliseconds; 0 for an empty histogram. */
  public static double pct(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? 0 : ms(micros.getValueAtPercentile(percentile));
  }

  private static double ms(long micros) {
    return round(micros / 1000.0);
  }

  /** Three decimals: microsecond precision in milliseconds. */
  static double round(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }

  public double value(String key) {
    return switch (key) {
      case "min" -> min;
      case "avg" -> avg;
      case "p50" -> p50;
      case "p90" -> p90;
      case "p95" -> p95;
      case "p99" -> p99;
      case "p999" -> p999;
      case "max" -> max;
      default -> throw new IllegalArgumentException(key);
    };
  }
}
