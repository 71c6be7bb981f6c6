package horde.junit;

import horde.criteria.Criteria;
import horde.criteria.CriterionResult;
import horde.criteria.Verdict;
import horde.result.PhaseResult;
import horde.result.RunResult;
import horde.scenario.SourcePosition;
import horde.scenario.Threshold;
import horde.scenario.ThresholdParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Assertions on one {@link RunResult}; made by {@link HordeAssertions#assertThat}. */
public final class RunAssert {
  private final RunResult result;

  RunAssert(RunResult result) {
    this.result = Objects.requireNonNull(result, "result");
  }

  /** The scenario's criteria held: the verdict is not FAIL (warn-level misses are allowed). */
  public RunAssert meetsCriteria() {
    if (result.verdict() == Verdict.FAIL) throw failure("expected the criteria to hold");
    return notAborted();
  }

  /** Every criterion held, warn-level ones too (like {@code horde run --strict}). */
  public RunAssert meetsCriteriaStrictly() {
    if (result.verdict() != Verdict.PASS)
      throw failure("expected every criterion to hold, warn-level ones too");
    return notAborted();
  }

  public RunAssert hasVerdict(Verdict expected) {
    if (result.verdict() != expected)
      throw failure("expected the verdict " + expected + " but it was " + result.verdict());
    return this;
  }

  /** The scenario's grade table gave this grade. */
  public RunAssert hasGrade(String expected) {
    if (!Objects.equals(result.grade(), expected))
      throw failure("expected the grade " + expected + " but it was " + result.grade());
    return this;
  }

  /** Assertions on the phase of this name. */
  public PhaseAssert phase(String name) {
    return result.phases().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .map(PhaseAssert::new)
        .orElseThrow(
            () ->
                new AssertionError(
                    "expected a phase named "
                        + name
                        + "; the run's phases are "
                        + result.phases().stream().map(PhaseResult::name).toList()));
  }

  /** No request failed (a status, check, save or transport failure). */
  public RunAssert hasNoFailures() {
    long failures = result.stats().total().failures();
    if (failures > 0)
      throw failure(
          "expected no failed requests but "
              + failures
              + " of "
              + result.stats().total().requests()
              + " failed: "
              + result.stats().total().failuresByReason());
    return this;
  }

  /** At least {@code n} requests were measured (after the warm-up). */
  public RunAssert hasRequestsAtLeast(long n) {
    long requests = result.stats().total().requests();
    if (requests < n)
      throw failure("expected at least " + n + " requests but " + requests + " were measured");
    return this;
  }

  /**
   * A threshold, written as in a scenario ({@code "p95 < 500ms"}), holds for the whole run — one
   * the scenario does not have, say.
   */
  public RunAssert holds(String threshold) {
    return holds(
        ThresholdParser.parse(threshold, null, Threshold.Level.FAIL, SourcePosition.UNKNOWN));
  }

  /** A threshold holds for one endpoint (a request's name or path, or a group's name). */
  public RunAssert holds(String endpoint, String threshold) {
    return holds(
        ThresholdParser.parse(threshold, endpoint, Threshold.Level.FAIL, SourcePosition.UNKNOWN));
  }

  private RunAssert holds(Threshold t) {
    CriterionResult c = Criteria.evaluate(List.of(t), result.stats(), Map.of()).getFirst();
    if (!c.passed())
      throw failure(
          "expected "
              + t.expression()
              + (t.endpoint() == null ? "" : " on " + t.endpoint())
              + " to hold, but "
              + t.metric().key()
              + " was "
              + CriteriaLines.measured(c));
    return this;
  }

  private RunAssert notAborted() {
    if (result.stats().aborted())
      throw failure("expected a complete run, but it was stopped early");
    return this;
  }

  private AssertionError failure(String what) {
    StringBuilder out = new StringBuilder(what).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "  verdict %s%s, %d requests, %d failed%n",
            result.verdict(),
            result.grade() == null ? "" : ", grade " + result.grade(),
            result.stats().total().requests(),
            result.stats().total().failures()));
    for (PhaseResult p : result.phases()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  phase %s: verdict %s%s%n",
              p.name(),
              p.verdict(),
              p.grade() == null ? "" : ", grade " + p.grade()));
      CriteriaLines.append(out, p.criteria(), "    ");
    }
    CriteriaLines.append(out, result.criteria(), "  ");
    return new AssertionError(out.toString().stripTrailing());
  }
}
