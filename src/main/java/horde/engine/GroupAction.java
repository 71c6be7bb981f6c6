package horde.engine;

import horde.plan.StepPlan;

/**
 * A group (transaction): its steps in a frame of their own, timed end to end from the iteration's
 * intended start when it opens the iteration (open model), and failed when any step in it failed.
 */
final class GroupAction {
  private GroupAction() {}

  static boolean enter(StepPlan.Group g, VirtualUser u, Frames frames) {
    long started = u.intendedStart != 0 ? u.intendedStart : u.run.clock.nanoTime();
    frames.push(g.steps(), g, started, u.failures());
    return true;
  }

  static void leave(StepPlan.Group g, Frames.Frame f, VirtualUser u) {
    long took = u.run.clock.nanoTime() - f.started;
    int reason = u.failures() > f.failuresAtStart ? u.lastFailure() : -1;
    u.recorder.request(g.metric(), 0, reason, took, 0, 0);
  }
}
