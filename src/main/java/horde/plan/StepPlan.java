package horde.plan;

import horde.scenario.WaitTime;

/** A compiled step. */
public sealed interface StepPlan permits RequestPlan, StepPlan.Think {
  /** A pause inside a task. */
  record Think(WaitTime waitTime) implements StepPlan {}
}
