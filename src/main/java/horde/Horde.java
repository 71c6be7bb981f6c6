package horde;

import horde.engine.EngineOptions;
import horde.history.Location;
import horde.history.RunHistory;
import horde.plan.Planner;
import horde.result.RunResult;
import horde.run.NotRunException;
import horde.run.TestRun;
import horde.scenario.Scenario;
import horde.stats.Progress;
import java.util.Map;
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

  /**
   * Records a result in the run history, as {@code horde run} does for every run: in the database
   * that {@code HORDE_DB} names, else {@code .horde/history.db} in the working folder (see
   * docs/history.md). Runs from the Java API are recorded only when asked. Throws {@link
   * horde.history.HistoryException} when the database cannot be written.
   *
   * @param tags like {@code --tag}: {@code Map.of("commit", sha)}
   * @return the run's id in the history
   */
  public static long record(RunResult result, Map<String, String> tags) {
    return RunHistory.open(Location.resolve(null, System.getenv())).record(result, null, tags);
  }
}
