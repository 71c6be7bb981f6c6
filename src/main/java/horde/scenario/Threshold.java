package horde.scenario;

import java.util.Objects;

/**
 * A criterion on the run's results: {@code p95 < 2s}, {@code error_rate < 5%}, {@code rps > 100},
 * optionally for one endpoint (or task) only. Written with {@link ThresholdParser}.
 *
 * @param value in the metric's unit: milliseconds for times, percent for shares, dollars for money
 * @param endpoint null for the whole run
 */
public record Threshold(
    String expression,
    Metric metric,
    Comparator comparator,
    double value,
    String endpoint,
    Level level,
    SourcePosition position) {

  public enum Level {
    FAIL,
    WARN
  }

  public enum Comparator {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    EQ("=="),
    NE("!=");

    public final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }

    public boolean holds(double actual, double limit) {
      return switch (this) {
        case LT -> actual < limit;
        case LE -> actual <= limit;
        case GT -> actual > limit;
        case GE -> actual >= limit;
        case EQ -> actual == limit;
        case NE -> actual != limit;
      };
    }
  }

  public Threshold {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(comparator, "comparator");
    level = level == null ? Level.FAIL : level;
    position = position == null ? SourcePosition.UNKNOWN : position;
  }

  /** Parses {@code expression} for the whole run, fail level. */
  public static Threshold of(String expression) {
    return ThresholdParser.parse(expression, null, Level.FAIL, SourcePosition.UNKNOWN);
  }

  public boolean holds(double actual) {
    return comparator.holds(actual, value);
  }
}
