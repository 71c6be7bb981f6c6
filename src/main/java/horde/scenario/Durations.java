package horde.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations as people write them in load tests: {@code 250ms}, {@code 30s},
 * {@code 5m}, {@code 1h30m}, {@code 1.5s}, {@code 200us}. A bare {@code 0} is zero.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|µs|ms|s|m|h)");

  private Durations() {}

  /**
   * Returns the duration, or throws {@link IllegalArgumentException} with a message that says
   * what is expected.
   */
  public static Duration parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.equals("0")) return Duration.ZERO;
    Matcher m = PART.matcher(s);
    long nanos = 0;
    int at = 0;
    while (at < s.length() && m.find(at) && m.start() == at) {
      nanos += toNanos(Double.parseDouble(m.group(1)), m.group(2));
      at = m.end();
    }
    if (at == 0 || at != s.length()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; expected a number with a unit, like 500ms, 30s, 5m or 1h30m");
    }
    return Duration.ofNanos(nanos);
  }

  /** Like {@link #parse} but a bare number counts as seconds (Locust's {@code --run-time 300}). */
  public static Duration parseSecondsDefault(String text) {
    String s = text == null ? "" : text.trim();
    if (s.matches("\\d+(\\.\\d+)?")) return Duration.ofNanos((long) (Double.parseDouble(s) * 1e9));
    return parse(s);
  }

  private static long toNanos(double n, String unit) {
    double factor =
        switch (unit) {
          case "us", "µs" -> 1e3;
          case "ms" -> 1e6;
          case "s" -> 1e9;
          case "m" -> 60e9;
          default -> 3600e9;
        };
    return Math.round(n * factor);
  }

  /** A short human form: {@code 850ms}, {@code 12.5s}, {@code 5m}, {@code 1h30m}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) return d.toNanos() % 1_000_000 == 0 ? ms + "ms" : d.toNanos() / 1000 + "us";
    if (ms < 60_000) return ms % 1000 == 0 ? ms / 1000 + "s" : ms / 1000.0 + "s";
    long s = ms / 1000;
    StringBuilder out = new StringBuilder();
    if (s >= 3600) out.append(s / 3600).append('h');
    if (s % 3600 >= 60) out.append(s % 3600 / 60).append('m');
    if (s % 60 != 0) out.append(s % 60).append('s');
    return out.toString();
  }
}
