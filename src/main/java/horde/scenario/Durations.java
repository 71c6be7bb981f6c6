package horde.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations as people write them in load tests: {@code 250ms}, {@code 30s},
 * {@code 5m}, {@code 1h30m}, {@code 1.5s}, {@code 200us}. A bare {@code 0} is zero.
 *
 * <p>Units: {@code us} (also {@code µs}, {@code μs}), {@code ms}, {@code s}, {@code m}, {@code h}.
 * Parts are written without spaces between them. Precision is one nanosecond.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|µs|μs|ms|s|m|h)");

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
      double part = toNanos(Double.parseDouble(m.group(1)), m.group(2));
      // Past Long.MAX_VALUE nanoseconds (292 years) the sum would wrap around to a negative.
      if (!(part < 9e18)) throw tooLong(text);
      try {
        nanos = Math.addExact(nanos, Math.round(part));
      } catch (ArithmeticException e) {
        throw tooLong(text);
      }
      at = m.end();
    }
    if (at == 0 || at != s.length()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; expected a number with a unit, like 500ms, 30s, 5m or 1h30m");
    }
    return Duration.ofNanos(nanos);
  }

  private static IllegalArgumentException tooLong(String text) {
    return new IllegalArgumentException("'" + text + "' is too long; durations go up to 285 years");
  }

  /** Like {@link #parse} but a bare number counts as seconds (Locust's {@code --run-time 300}). */
  public static Duration parseSecondsDefault(String text) {
    String s = text == null ? "" : text.trim();
    return parse(s.matches("\\d+(\\.\\d+)?") ? s + "s" : s);
  }

  private static double toNanos(double n, String unit) {
    double factor =
        switch (unit) {
          case "us", "µs", "μs" -> 1e3;
          case "ms" -> 1e6;
          case "s" -> 1e9;
          case "m" -> 60e9;
          default -> 3600e9;
        };
    return n * factor;
  }

  /**
   * A short human form that {@link #parse} reads back to the same duration: {@code 850ms}, {@code
   * 1500us}, {@code 12.5s}, {@code 5m}, {@code 1h30m}, {@code 1m0.25s}.
   */
  public static String format(Duration d) {
    if (d.isNegative()) return "-" + format(d.negated());
    long seconds = d.getSeconds();
    int nano = d.getNano();
    if (seconds == 0) {
      return nano % 1_000_000 == 0 ? nano / 1_000_000 + "ms" : decimal(nano, 1_000) + "us";
    }
    StringBuilder out = new StringBuilder();
    if (seconds >= 3600) out.append(seconds / 3600).append('h');
    if (seconds % 3600 >= 60) out.append(seconds % 3600 / 60).append('m');
    if (seconds % 60 != 0 || nano != 0) {
      out.append(decimal(seconds % 60 * 1_000_000_000L + nano, 1_000_000_000));
      out.append('s');
    }
    return out.toString();
  }

  /**
   * {@code value / unit} in decimal, without trailing zeros; {@code unit} a power of ten. In longs:
   * BigDecimal's exact division took 20 ms of a run's start and 0.15 s of its JIT's.
   */
  private static String decimal(long value, long unit) {
    long fraction = value % unit;
    if (fraction == 0) return Long.toString(value / unit);
    String digits = Long.toString(unit + fraction); // a leading 1, then the zero-padded fraction
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') end--;
    return (value / unit) + "." + digits.substring(1, end);
  }
}
