package horde.live;

import horde.engine.EngineOptions;
import horde.plan.TestPlan;
import horde.scenario.LoadProfile;
import horde.scenario.Scenario;
import java.util.List;

/**
 * Turns a scenario and the start form into a plan, with the same rules as {@code horde run}'s
 * flags (the command line provides it, so that both stay one).
 */
public interface Starter {
  /**
   * @param notes what was left out, for the user (a threshold on a class not selected)
   * @throws horde.scenario.InvalidScenarioException with file:line:column problems
   * @throws IllegalArgumentException with a message for the user (a bad run time, a class that does not exist)
   */
  Planned plan(Scenario scenario, Form form, List<String> notes);

  /** A load in a few words, as the command line's banner says it: {@code 50 users (+10/s) for 5m}. */
  String describe(LoadProfile load);

  record Planned(TestPlan plan, EngineOptions options) {}
}
