package horde.junit;

import horde.criteria.CriterionResult;
import horde.scenario.Threshold;
import java.util.List;
import java.util.Locale;

/** How assertion messages show criteria: status, expression, scope and what was measured. */
final class CriteriaLines {
  private CriteriaLines() {}

  static void append(StringBuilder out, List<CriterionResult> criteria, String indent) {
    for (CriterionResult c : criteria) {
      Threshold t = c.threshold();
      String status = c.passed() ? "pass" : t.level() == Threshold.Level.WARN ? "WARN" : "FAIL";
      out.append(
          String.format(
              Locale.ROOT,
              "%s%-4s %s%s: measured %s%n",
              indent,
              status,
              t.expression(),
              t.endpoint() == null ? "" : " [" + t.endpoint() + "]",
              measured(c)));
    }
  }

  static String measured(CriterionResult c) {
    if (c.noData()) return "no data";
    double v = c.actual();
    return switch (c.threshold().metric().unit()) {
      case DURATION -> String.format(Locale.ROOT, "%.1f ms", v);
      case PERCENT -> String.format(Locale.ROOT, "%.2f %%", v);
      case RATE -> String.format(Locale.ROOT, "%.1f/s", v);
      case COUNT -> String.format(Locale.ROOT, "%d", (long) v);
      case MONEY -> String.format(Locale.ROOT, "$%.4f", v);
      case NUMBER -> String.format(Locale.ROOT, "%.4g", v);
      case DRIFT -> String.format(Locale.ROOT, "%+.1f %%/h", v) + (c.estimated()
          ? String.format(Locale.ROOT, " (95%% interval %+.1f to %+.1f %%/h)", c.low(), c.high()) : "");
    };
  }
}
