package horde.junit;

import horde.criteria.Verdict;
import horde.result.PhaseResult;
import java.util.Locale;
import java.util.Objects;

/**
 * Assertions on one phase of a run: {@code assertThat(result).phase("10 users").hasGrade("GOOD")}.
 */
public final class PhaseAssert {
  private final PhaseResult phase;

  PhaseAssert(PhaseResult phase) {
    this.phase = phase;
  }

  /** The phase's own criteria held (warn-level misses are allowed). */
  public PhaseAssert meetsCriteria() {
    if (phase.verdict() == Verdict.FAIL) throw failure("expected the phase's criteria to hold");
    return this;
  }

  public PhaseAssert hasVerdict(Verdict expected) {
    if (phase.verdict() != expected)
      throw failure("expected the verdict " + expected + " but it was " + phase.verdict());
    return this;
  }

  /** The phase's grade table gave this grade. */
  public PhaseAssert hasGrade(String expected) {
    if (!Objects.equals(phase.grade(), expected))
      throw failure("expected the grade " + expected + " but it was " + phase.grade());
    return this;
  }

  public PhaseAssert hasNoFailures() {
    long failures = phase.stats().total().failures();
    if (failures > 0)
      throw failure(
          "expected no failed requests but "
              + failures
              + " failed: "
              + phase.stats().total().failuresByReason());
    return this;
  }

  private AssertionError failure(String what) {
    StringBuilder out = new StringBuilder("phase ").append(phase.name()).append(": ").append(what);
    out.append(
        String.format(
            Locale.ROOT,
            "%n  verdict %s, grade %s, %d requests, %d failed%n",
            phase.verdict(),
            phase.grade(),
            phase.stats().total().requests(),
            phase.stats().total().failures()));
    CriteriaLines.append(out, phase.criteria(), "  ");
    return new AssertionError(out.toString().stripTrailing());
  }
}
