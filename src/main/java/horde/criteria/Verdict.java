package horde.criteria;

import horde.scenario.Threshold;
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
      if (r.threshold().level() == Threshold.Level.FAIL) return FAIL;
      v = WARN;
    }
    return v;
  }

  /**
   * A whole run's verdict: its criteria's (the run's and every phase's) or, when it has none at all,
   * Locust's rule: any failed request fails the run.
   */
  public static Verdict ofRun(List<CriterionResult> everyCriterion, long failures) {
    if (everyCriterion.isEmpty()) return failures > 0 ? FAIL : PASS;
    return of(everyCriterion);
  }

  public String lower() {
    return name().toLowerCase(Locale.ROOT);
  }
}
