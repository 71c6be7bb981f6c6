package horde.engine;

import horde.plan.StepPlan;

/** A poll: its request repeated on the user's {@link HttpSession} until its condition holds or time runs out. */
final class PollAction {
  private PollAction() {}

  static boolean start(StepPlan.Poll p, VirtualUser u) {
    u.resource(HttpSession.KEY).poll(p);
    return false;
  }
}
