package horde.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The metrics a threshold can name, each with the unit its limit is written in. */
public enum ThresholdMetric {
  P50("p50", Unit.DURATION, 50),
  P90("p90", Unit.DURATION, 90),
  P95("p95", Unit.DURATION, 95),
  P99("p99", Unit.DURATION, 99),
  P999("p999", Unit.DURATION, 99.9),
  AVG("avg", Unit.DURATION, 0),
  MIN("min", Unit.DURATION, 0),
  MAX("max", Unit.DURATION, 0),
  ERROR_RATE("error_rate", Unit.PERCENT, 0),
  RPS("rps", Unit.RATE, 0),
  REQUESTS("requests", Unit.COUNT, 0),
  FAILURES("failures", Unit.COUNT, 0),
  /** Open model: arrivals that found no free user (whole run only). */
  DROPPED_ITERATIONS("dropped_iterations", Unit.COUNT, 0);

  /** How a limit is written: {@code 2s}, {@code 5%}, {@code 100} or {@code 100/s}. */
  public enum Unit {
    DURATION("a duration like 500ms or 2s"),
    PERCENT("a percentage like 5%"),
    RATE("a number per second like 100"),
    COUNT("a whole number like 1000");

    public final String expected;

    Unit(String expected) {
      this.expected = expected;
    }
  }

  public final String key;
  public final Unit unit;

  /** For percentile metrics, which percentile (0..100); 0 otherwise. */
  public final double percentile;

  ThresholdMetric(String key, Unit unit, double percentile) {
    this.key = key;
    this.unit = unit;
    this.percentile = percentile;
  }

  public static Optional<ThresholdMetric> byKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(m -> m.key).toList();
  }
}
