package horde.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load profile in a few words, from the settings written in the result: {@code 10 users}, {@code
 * up to 80 users}, {@code 4/s, max 40 users}, {@code 4 → 24/s}, {@code 1,000 requests × 10}.
 */
final class LoadText {
  private LoadText() {}

  static String of(Map<String, Object> settings) {
    Object model = settings.get("model");
    if ("closed".equals(model)) return number(settings.get("users")) + " users";
    if ("stages".equals(model)) return "up to " + number(peak(settings.get("stages"), "users")) + " users";
    if ("fixed_count".equals(model)) return number(settings.get("requests")) + " requests × " + number(settings.get("concurrency"));
    if ("open".equals(model)) {
      String start = number(settings.get("start_rate")), top = number(peak(settings.get("rates"), "rate"));
      String rate = start.equals(top) ? top + "/s" : start + " → " + top + "/s";
      return settings.get("max_users") == null ? rate : rate + ", max " + number(settings.get("max_users")) + " users";
    }
    return "";
  }

  /** The largest value of {@code key} in a list of stages; null without one. */
  private static Object peak(Object stages, String key) {
    if (!(stages instanceof List<?> list)) return null;
    double max = Double.NaN;
    for (Object o : list) {
      if (o instanceof Map<?, ?> m && m.get(key) instanceof Number n) {
        max = Double.isNaN(max) ? n.doubleValue() : Math.max(max, n.doubleValue());
      }
    }
    return Double.isNaN(max) ? null : max;
  }

  /** Whole numbers with thousands separators, others with what they need: {@code 1,000}, {@code 2.5}. */
  static String number(Object v) {
    if (!(v instanceof Number n)) return v == null ? "?" : String.valueOf(v);
    double d = n.doubleValue();
    if (d == Math.rint(d)) return String.format(Locale.ROOT, "%,d", (long) d);
    return CsvLine.python(d);
  }
}
