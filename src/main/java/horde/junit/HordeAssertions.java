package horde.junit;

import horde.result.RunResult;

/**
 * Assertions on a run's result, for load tests inside a test suite. They throw {@link
 * AssertionError}s that list every criterion with what was measured, so a failing build says why.
 *
 * <pre>{@code
 * import static horde.junit.HordeAssertions.assertThat;
 *
 * RunResult result = Horde.run(scenario);
 * assertThat(result).meetsCriteria();                 // every fail-level threshold held
 * assertThat(result).hasNoFailures().holds("p95 < 500ms");
 * }</pre>
 *
 * They need nothing but Horde, so they work under any test framework.
 */
public final class HordeAssertions {
  private HordeAssertions() {}

  public static RunAssert assertThat(RunResult result) {
    return new RunAssert(result);
  }
}
