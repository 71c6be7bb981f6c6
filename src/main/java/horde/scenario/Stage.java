package horde.scenario;

import java.time.Duration;

/** Ramp linearly to {@code users} over {@code duration} (k6's stages). */
public record Stage(Duration duration, int users) {
  public Stage {
    if (duration == null || duration.isNegative())
      throw new IllegalArgumentException("stage duration must be >= 0");
    if (users < 0) throw new IllegalArgumentException("stage users must be >= 0");
  }
}
