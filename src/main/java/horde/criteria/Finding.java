package horde.criteria;

import java.util.Locale;
import java.util.Objects;

/**
 * One plain-language observation about a run, computed from its result alone by {@link Findings}:
 * "POST /api/x is the slowest endpoint: p95 1.9 s, 4.0× the next".
 *
 * @param kind a stable identifier of the rule that found it, e.g. {@code error_burst}
 * @param level {@link Level#WARNING} for what likely hurt users or distorted the figures
 * @param text one or two sentences with the numbers behind them
 * @param atSeconds where on the run's timeline it starts (seconds since the start); NaN when it
 *     belongs to no moment
 */
public record Finding(String kind, Level level, String text, double atSeconds) {
  public enum Level {
    WARNING,
    INFO;

    public String lower() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(text, "text");
  }

  static Finding warning(String kind, String text) {
    return new Finding(kind, Level.WARNING, text, Double.NaN);
  }

  static Finding info(String kind, String text) {
    return new Finding(kind, Level.INFO, text, Double.NaN);
  }

  Finding at(double seconds) {
    return new Finding(kind, level, text, seconds);
  }

  public boolean hasTime() {
    return !Double.isNaN(atSeconds);
  }
}
