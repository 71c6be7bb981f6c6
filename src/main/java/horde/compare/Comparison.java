package horde.compare;

import horde.scenario.CompareSettings.Level;
import java.util.List;

/**
 * A candidate run compared with a baseline of one or more runs, endpoint by endpoint and measure by
 * measure.
 *
 * <pre>{@code
 * Comparison c = Comparer.compare(List.of(Measured.of(before, "run 41")), Measured.of(after, "run 42"), Tolerance.DEFAULTS);
 * if (c.failed(false)) ...
 * }</pre>
 *
 * @param baseline what the baseline is, in words ({@code baseline prod-v1})
 * @param baselineRuns a label per baseline run
 * @param candidate a label for the candidate run
 * @param endpoints all requests first, then endpoints and groups in the candidate's order, then
 *     those only the baseline had
 * @param notes what else a reader should know: different scenarios, a different load
 */
public record Comparison(String baseline, List<String> baselineRuns, String candidate, Tolerance tolerance,
    List<EndpointComparison> endpoints, List<String> notes) {
  public Comparison {
    baselineRuns = List.copyOf(baselineRuns);
    endpoints = List.copyOf(endpoints);
    notes = List.copyOf(notes);
  }

  /** Whether a regression fails the comparison: one at fail level, or with {@code strict} any. */
  public boolean failed(boolean strict) {
    return count(ChangeVerdict.REGRESSED, strict ? Level.WARN : Level.FAIL) > 0;
  }

  /** Changes with this verdict at this level or a more severe one. */
  public long count(ChangeVerdict verdict, Level atLeast) {
    return endpoints.stream().flatMap(e -> e.changes().stream())
        .filter(c -> c.verdict() == verdict && c.level().compareTo(atLeast) <= 0).count();
  }

  /** In one word: regressed, improved or unchanged (warn-level regressions count). */
  public String verdict() {
    if (count(ChangeVerdict.REGRESSED, Level.WARN) > 0) return "regressed";
    if (count(ChangeVerdict.IMPROVED, Level.WARN) > 0) return "improved";
    return "unchanged";
  }
}
