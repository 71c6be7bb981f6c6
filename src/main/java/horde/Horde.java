package horde;

import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.result.RunResult;
import horde.run.NotRunException;
import horde.run.TestRun;
import horde.scenario.Scenario;
import horde.stats.Progress;
import java.util.function.Consumer;

/**
 * Running a load test from Java: the same pipeline as {@code horde run}, on a scenario built with
 * the Java API or loaded from YAML.
 *
 * <pre>{@code
 * Scenario scenario = Dsl.scenario("chat").target(url).task(Dsl.get("/health")).build();
 * RunResult result = Horde.run(scenario);
 * HordeAssertions.assertThat(result).meetsCriteria();
 * }</pre>
 *
 * See {@code docs/java-api.md}.
 */
public final class Horde {
  private Horde() {}

  /**
   * Runs with the default engine options; throws {@link NotRunException} when the target is
   * unreachable or the setup failed.
   */
  public static RunResult run(Scenario scenario) throws NotRunException, InterruptedException {
    return run(scenario, EngineOptions.DEFAULTS, p -> {});
  }

  /** Runs with other engine options: {@code EngineOptions.DEFAULTS.withThreads(2)}. */
  public static RunResult run(Scenario scenario, EngineOptions options)
      throws NotRunException, InterruptedException {
    return run(scenario, options, p -> {});
  }

  /**
   * Plans, checks the target, runs, and returns the result. Invalid scenarios throw {@link
   * horde.scenario.InvalidScenarioException} with every problem.
   *
   * @param progress receives the live view every few seconds
   */
  public static RunResult run(Scenario scenario, EngineOptions options, Consumer<Progress> progress)
      throws NotRunException, InterruptedException {
    TestRun run = new TestRun(new Planner(System.getenv()).plan(scenario), options, null);
    run.preflight();
    return run.execute(progress);
  }
}
