package horde.report;

import horde.stats.Settings;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A load profile in a few words, from the settings written in the result: {@code 10 users}, {@code
 * up to 80 users}, {@code 4/s, max 40 users}, {@code 4 → 24/s}, {@code 1,000 requests × 10}.
 */
final class LoadText {
  private LoadText() {}

  static String of(Map<String, Object> settings) {
    Settings s = Settings.of(settings);
    return switch (s.model()) {
      case CLOSED -> number(s.users()) + " users";
      case STAGES -> "up to " + number(s.stages().stream().mapToLong(Settings.Stage::users).max()) + " users";
      case FIXED_COUNT -> number(s.requests()) + " requests × " + number(s.concurrency());
      case OPEN -> {
        String start = number(s.startRate()), top = number(s.rates().stream().mapToDouble(Settings.Rate::rate).max());
        String rate = start.equals(top) ? top + "/s" : start + " → " + top + "/s";
        yield s.maxUsers().isEmpty() ? rate : rate + ", max " + number(s.maxUsers()) + " users";
      }
      case null, default -> "";
    };
  }

  private static String number(OptionalLong v) {
    return v.isPresent() ? number(v.getAsLong()) : "?";
  }

  /** Whole numbers with thousands separators, others with what they need: {@code 1,000}, {@code 2.5}; ? when absent. */
  private static String number(OptionalDouble v) {
    if (v.isEmpty()) return "?";
    double d = v.getAsDouble();
    return d == Math.rint(d) ? number((long) d) : CsvLine.python(d);
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
