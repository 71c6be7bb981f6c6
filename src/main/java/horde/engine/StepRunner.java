package horde.engine;

import horde.plan.RequestPlan;
import horde.plan.StepPlan;
import horde.plan.WsPlan;
import java.util.List;

/**
 * Works through a user's step lists: runs steps until one has to wait (a request in flight, a
 * think time), and goes on from there when that step's resource calls {@link #resume}. Each kind
 * of step is one small action (Hyperfoil's steps, Gatling's actions); this class only dispatches
 * and keeps the {@link Frames} of groups, loops and branches.
 *
 * <p>An action's contract: {@code start} either finishes the step and returns true (the runner
 * goes on at once), or returns false and later calls {@link #resume} exactly once, on the user's
 * loop, from a fresh stack (never from inside {@code start}).
 */
final class StepRunner extends LoopTask {
  private final VirtualUser user;
  private final Frames frames = new Frames();
  /** Runs {@link #resume} as a task of the user's loop: the runner itself. */
  final Runnable resume = this;
  /** A step started and has not called {@link #resume} yet. */
  private boolean waiting;
  /** Some step of the current list had to wait: its end is called back from I/O or a timer, on a short stack. */
  private boolean waitedInList;

  StepRunner(VirtualUser user) {
    this.user = user;
  }

  @Override
  void runTask() {
    resume();
  }

  @Override
  FatalErrors fatalErrors() {
    return user.run.fatal;
  }

  /** Starts a new list of steps (on_start, a task, on_stop) and runs it. */
  void begin(List<StepPlan> steps) {
    frames.reset(steps);
    waiting = false;
    waitedInList = false;
    advance();
  }

  /** The waiting step is done: go on with the next. */
  void resume() {
    waiting = false;
    advance();
  }

  /** Whether a step is waiting for its end (I/O, a timer). */
  boolean waiting() {
    return waiting;
  }

  /** Whether some step of this list waited (so the list's end is called back on a short stack). */
  boolean waitedInList() {
    return waitedInList;
  }

  void clear() {
    frames.clear();
  }

  Frames frames() {
    return frames;
  }

  private void advance() {
    if (!user.mayGoOn()) return;
    while (true) {
      Frames.Frame f = frames.top();
      if (f == null) break;
      if (f.index >= f.steps.size()) {
        if (leave(f)) break;
        continue;
      }
      if (!start(f.steps.get(f.index++))) {
        waiting = true;
        waitedInList = true;
        return;
      }
    }
    user.stepsDone();
  }

  private boolean start(StepPlan s) {
    return switch (s) {
      case RequestPlan r -> RequestAction.start(r, user);
      case StepPlan.Poll p -> PollAction.start(p, user);
      case StepPlan.Think t -> ThinkAction.start(t, user);
      case StepPlan.Group g -> GroupAction.enter(g, user, frames);
      case StepPlan.Loop l -> LoopAction.enter(l, user, frames);
      case StepPlan.Branch b -> BranchAction.enter(b, user, frames);
      case WsPlan w -> WsAction.start(w, user);
    };
  }

  /** Finishes a frame; true when it was the bottom one (the step list is done). */
  private boolean leave(Frames.Frame f) {
    switch (f.owner) {
      case StepPlan.Loop l -> {
        if (LoopAction.again(l, f, user)) return false;
      }
      case StepPlan.Group g -> GroupAction.leave(g, f, user);
      case null, default -> {}
    }
    frames.pop();
    return frames.isEmpty();
  }
}
