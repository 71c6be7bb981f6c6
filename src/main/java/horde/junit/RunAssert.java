package horde.junit;

import horde.criteria.Criteria;
import horde.criteria.CriterionResult;
import horde.criteria.Verdict;
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
              + t.metric().key
              + " was "
              + measured(c));
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
            "  verdict %s, %d requests, %d failed%n",
            result.verdict(),
            result.stats().total().requests(),
            result.stats().total().failures()));
    for (CriterionResult c : result.criteria()) {
      Threshold t = c.threshold();
      String status = c.passed() ? "pass" : t.level() == Threshold.Level.WARN ? "WARN" : "FAIL";
      out.append(
          String.format(
              Locale.ROOT,
              "  %-4s %s%s: measured %s%n",
              status,
              t.expression(),
              t.endpoint() == null ? "" : " [" + t.endpoint() + "]",
              measured(c)));
    }
    return new AssertionError(out.toString().stripTrailing());
  }

  private static String measured(CriterionResult c) {
    if (c.noData()) return "no data";
    double v = c.actual();
    return switch (c.threshold().metric().unit) {
      case DURATION -> String.format(Locale.ROOT, "%.1f ms", v);
      case PERCENT -> String.format(Locale.ROOT, "%.2f %%", v);
      case RATE -> String.format(Locale.ROOT, "%.1f/s", v);
      case COUNT -> String.format(Locale.ROOT, "%d", (long) v);
      case MONEY -> String.format(Locale.ROOT, "$%.4f", v);
    };
  }
}
