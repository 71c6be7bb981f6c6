package horde.engine;

import horde.scenario.WaitTime;
import java.util.random.RandomGenerator;

/** Turns a wait-time rule into nanoseconds for one wait. */
final class WaitTimes {
  private WaitTimes() {}

  /** Whether the rule needs the task's start and the current time: pacing alone does. */
  static boolean readsClock(WaitTime rule) {
    return rule instanceof WaitTime.Pacing;
  }

  /**
   * @param startedNanos when the task that just ended started (read only when {@link #readsClock})
   * @param nowNanos the current time (likewise)
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
