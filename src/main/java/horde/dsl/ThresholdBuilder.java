package horde.dsl;

import horde.scenario.SourcePosition;
import horde.scenario.Threshold;
import horde.scenario.ThresholdParser;

/**
 * A threshold with options: one endpoint or task only, or warn level. Start one with {@link
 * Dsl#threshold}; a plain {@code "p95 < 2s"} needs no builder.
 *
 * <pre>{@code threshold("p99 < 3s").endpoint("ask").warn()}</pre>
 */
public final class ThresholdBuilder {
  private final String expression;
  private String endpoint;
  private Threshold.Level level = Threshold.Level.FAIL;

  ThresholdBuilder(String expression) {
    this.expression = expression;
    build(); // a bad expression fails here, where it is written
  }

  /** A request's name, the path of an unnamed request, a group's or a task's name. */
  public ThresholdBuilder endpoint(String name) {
    endpoint = name;
    return this;
  }

  /** Reported, but does not fail the test. */
  public ThresholdBuilder warn() {
    level = Threshold.Level.WARN;
    return this;
  }

  Threshold build() {
    return ThresholdParser.parse(expression, endpoint, level, SourcePosition.UNKNOWN);
  }
}
