package horde.engine;

import horde.feed.Feeder;
import horde.plan.StepPlan;

/** A loop: its steps {@code times} times, or once per row of a feeder (the user holds that row meanwhile). */
final class LoopAction {
  private LoopAction() {}

  static boolean enter(StepPlan.Loop l, VirtualUser u, Frames frames) {
    if (rounds(l, u) <= 0) return true;
    frames.push(l.steps(), l, 0, 0);
    if (l.feeder() >= 0) u.holdRow(l.feeder(), feeder(l, u).data().rows().get(0));
    return true;
  }

  /** At the end of a round: true when another one follows (the frame starts over). */
  static boolean again(StepPlan.Loop l, Frames.Frame f, VirtualUser u) {
    if (++f.round >= rounds(l, u)) return false;
    f.index = 0;
    if (l.feeder() >= 0) u.holdRow(l.feeder(), feeder(l, u).data().rows().get(f.round));
    return true;
  }

  private static int rounds(StepPlan.Loop l, VirtualUser u) {
    return l.feeder() >= 0 ? feeder(l, u).data().rows().size() : l.times();
  }

  private static Feeder feeder(StepPlan.Loop l, VirtualUser u) {
    return u.run.plan.feeders().get(l.feeder());
  }
}
