package horde.dsl;

import horde.scenario.Durations;
import java.time.Duration;

/** Durations given as text ({@code "2s"}, {@code "1m30s"}) or as {@link Duration}s. */
final class Times {
  private Times() {}

  /** Parses {@code "250ms"}, {@code "2s"}, {@code "1m30s"}; throws on anything else. */
  static Duration parse(String text, String what) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  static Duration positive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero())
      throw new IllegalArgumentException(what + " must be above 0, not " + d);
    return d;
  }

  static Duration notNegative(Duration d, String what) {
    if (d == null || d.isNegative())
      throw new IllegalArgumentException(what + " must be 0 or more, not " + d);
    return d;
  }
}
