package horde.engine;

import horde.plan.StepPlan;

/** A think step: the user waits on a timer of its loop, then goes on. */
final class ThinkAction {
  private ThinkAction() {}

  static boolean start(StepPlan.Think t, VirtualUser u) {
    u.sleep(WaitTimes.nanos(t.waitTime(), u.random, 0, 0), u.steps.resume);
    return false;
  }
}
