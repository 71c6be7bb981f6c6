package horde.criteria;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as findings write them: {@code 1.9 s}, {@code 480 ms}, {@code 3.2%}, {@code 41 req/s},
 * {@code 4.0×}. (The console's {@code Units} lives in the reporters, which depend on this package.)
 */
final class Figures {
  private Figures() {}

  static String ms(double ms) {
    if (ms >= 10_000) return String.format(Locale.ROOT, "%.0f s", ms / 1000);
    if (ms >= 1000) return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    if (ms >= 10) return String.format(Locale.ROOT, "%.0f ms", ms);
    if (ms >= 1) return String.format(Locale.ROOT, "%.1f ms", ms);
    return String.format(Locale.ROOT, "%.2f ms", ms);
  }

  static String percent(double p) {
    if (p >= 10 || p == 0) return String.format(Locale.ROOT, "%.0f%%", p);
    if (p >= 0.1) return String.format(Locale.ROOT, "%.1f%%", p);
    return String.format(Locale.ROOT, "%.2f%%", p);
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, perSecond >= 10 ? "%.0f req/s" : "%.1f req/s", perSecond);
  }

  static String times(double ratio) {
    return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.1f×", ratio);
  }

  /** Seconds on the timeline: {@code 40 s}, {@code 2:05}. */
  static String at(double seconds) {
    long s = Math.round(seconds);
    return s < 120 ? s + " s" : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** A stretch of time: {@code 45 s}, {@code 2.5 min}, {@code 1.5 h}. */
  static String minutes(double seconds) {
    if (seconds < 90) return String.format(Locale.ROOT, "%.0f s", seconds);
    if (seconds < 5400) return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }

  /** Dollars with the precision small amounts need: {@code $12.40}, {@code $0.029}, {@code $0.000023}. */
  static String money(double dollars) {
    if (Double.isNaN(dollars) || Double.isInfinite(dollars)) return "-";
    if (dollars >= 1) return String.format(Locale.ROOT, "$%.2f", dollars);
    if (dollars <= 0) return "$0";
    return "$" + new BigDecimal(dollars).round(new MathContext(2)).toPlainString();
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
