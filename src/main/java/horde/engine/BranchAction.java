package horde.engine;

import horde.plan.StepPlan;

/** An if: the steps of the side the condition picks, on the user's variable. */
final class BranchAction {
  private BranchAction() {}

  static boolean enter(StepPlan.Branch b, VirtualUser u, Frames frames) {
    frames.push(b.condition().holds(u.variables[b.slot()]) ? b.then() : b.otherwise(), null, 0, 0);
    return true;
  }
}
