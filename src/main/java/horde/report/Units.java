package horde.report;

import horde.criteria.CriterionResult;
import horde.scenario.Metric;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as people read them in a terminal: 812ms, 1.94s, 3.2%, 41.1/s. */
public final class Units {
  private Units() {}

  public static String ms(double ms) {
    if (Double.isNaN(ms)) return "-";
    if (ms >= 10_000) return String.format(Locale.ROOT, "%.1fs", ms / 1000);
    if (ms >= 1000) return String.format(Locale.ROOT, "%.2fs", ms / 1000);
    if (ms >= 100) return String.format(Locale.ROOT, "%.0fms", ms);
    if (ms >= 10) return String.format(Locale.ROOT, "%.1fms", ms);
    return String.format(Locale.ROOT, "%.2fms", ms);
  }

  public static String percent(double p) {
    if (Double.isNaN(p)) return "-";
    return String.format(Locale.ROOT, p == 0 || p >= 10 ? "%.0f%%" : p < 0.1 ? "%.2f%%" : "%.1f%%", p);
  }

  public static String rate(double perSecond) {
    return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f" : "%.1f", perSecond);
  }

  public static String bytes(long b) {
    if (b >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
    if (b >= 1L << 20) return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
    if (b >= 1L << 10) return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    return b + " B";
  }

  /** Dollars with the precision small amounts need: $12.40, $0.0031, $0.000012. */
  public static String money(double dollars) {
    if (Double.isNaN(dollars) || Double.isInfinite(dollars)) return "-";
    if (dollars >= 1) return String.format(Locale.ROOT, "$%.2f", dollars);
    if (dollars == 0) return "$0";
    return "$" + new BigDecimal(dollars).round(new MathContext(2)).toPlainString();
  }

  /**
   * A criterion's measured value, with its 95% interval when it is an estimate (a drift): {@code
   * +52%/h (95% interval -20%/h to +130%/h)}.
   */
  public static String of(CriterionResult c) {
    String value = of(c.threshold().metric(), c.actual());
    if (c.noData() || !c.estimated()) return value;
    return value + " (95% interval " + of(c.threshold().metric(), c.low()) + " to " + of(c.threshold().metric(), c.high()) + ")";
  }

  /** A threshold metric's value in its own unit. */
  public static String of(Metric m, double v) {
    if (Double.isNaN(v)) return "no data";
    return switch (m.unit()) {
      case DURATION -> ms(v);
      case PERCENT -> percent(v);
      case RATE -> rate(v) + "/s";
      case COUNT -> String.valueOf((long) v);
      case MONEY -> money(v);
      case NUMBER -> number(v);
      case DRIFT -> String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%+,.0f%%/h" : "%+.1f%%/h", v);
    };
  }

  /** A plain value (a target series): {@code 16}, {@code 0.423}, {@code 1,048,576}. */
  public static String number(double v) {
    if (Double.isNaN(v)) return "-";
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
    if (Math.abs(v) >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
