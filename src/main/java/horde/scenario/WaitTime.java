package horde.scenario;

import java.time.Duration;

/** How long a user waits after each task (Locust's {@code wait_time}). */
public sealed interface WaitTime {
  WaitTime NONE = new None();

  /** As written in a scenario: {@code between 1s and 3s}, {@code constant 2s}, {@code none}. */
  default String describe() {
    return switch (this) {
      case None n -> "none";
      case Constant c -> "constant " + Durations.format(c.duration());
      case Between b -> "between " + Durations.format(b.min()) + " and " + Durations.format(b.max());
      case Pacing p -> "pacing " + Durations.format(p.interval());
    };
  }

  /** No wait: the next task starts as soon as the last ends. */
  record None() implements WaitTime {}

  record Constant(Duration duration) implements WaitTime {}

  /** A uniformly random wait in {@code [min, max]}. */
  record Between(Duration min, Duration max) implements WaitTime {
    public Between {
      if (max.compareTo(min) < 0) throw new IllegalArgumentException("max wait is below min wait");
    }
  }

  /**
   * Tasks start every {@code interval}: the wait is the interval minus the task's own time, or
   * none when the task took longer (Locust's {@code constant_pacing}).
   */
  record Pacing(Duration interval) implements WaitTime {}
}
