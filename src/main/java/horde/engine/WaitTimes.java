package horde.engine;

import horde.scenario.WaitTime;
import java.util.random.RandomGenerator;

/** Turns a wait-time rule into nanoseconds for one wait. */
final class WaitTimes {
  private WaitTimes() {}

  /**
   * @param startedNanos when the task that just ended started (for pacing)
   * @param nowNanos the current time
   */
  static long nanos(WaitTime rule, RandomGenerator random, long startedNanos, long nowNanos) {
    return switch (rule) {
      case WaitTime.None n -> 0;
      case WaitTime.Constant c -> c.duration().toNanos();
      case WaitTime.Between b -> {
        long min = b.min().toNanos();
        long max = b.max().toNanos();
        yield max > min ? random.nextLong(min, max + 1) : min;
      }
      case WaitTime.Pacing p -> Math.max(0, startedNanos + p.interval().toNanos() - nowNanos);
    };
  }
}
