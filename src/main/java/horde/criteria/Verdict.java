package horde.criteria;

import java.util.List;
import java.util.Locale;

/** The run's outcome against its criteria. */
public enum Verdict {
  PASS,
  WARN,
  FAIL;

  /** FAIL if a fail-level criterion failed, else WARN if a warn-level one did, else PASS. */
  public static Verdict of(List<CriterionResult> results) {
    Verdict v = PASS;
    for (CriterionResult r : results) {
      if (r.passed()) continue;
      if (r.threshold().level() == horde.scenario.Threshold.Level.FAIL) return FAIL;
      v = WARN;
    }
    return v;
  }

  public String lower() {
    return name().toLowerCase(Locale.ROOT);
  }
}
