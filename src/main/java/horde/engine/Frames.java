package horde.engine;

import horde.plan.StepPlan;
import java.util.Arrays;
import java.util.List;

/**
 * The nested step lists a user is inside: the task (or on_start/on_stop) at the bottom, then any
 * group, loop or branch it entered. Frames are reused, so entering a group allocates nothing once
 * the stack has been that deep.
 */
final class Frames {
  /** One step list being worked through. */
  static final class Frame {
    List<StepPlan> steps;
    int index;
    /** The step that opened this frame: a Group or Loop to finish on exit, or null. */
    StepPlan owner;
    long started;
    long failuresAtStart;
    int round;
  }

  private Frame[] stack = new Frame[4];
  private int depth;

  void reset(List<StepPlan> steps) {
    depth = 0;
    push(steps, null, 0, 0);
  }

  Frame push(List<StepPlan> steps, StepPlan owner, long started, long failures) {
    if (depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
    Frame f = stack[depth];
    if (f == null) f = stack[depth] = new Frame();
    depth++;
    f.steps = steps;
    f.index = 0;
    f.owner = owner;
    f.started = started;
    f.failuresAtStart = failures;
    f.round = 0;
    return f;
  }

  Frame top() {
    return depth == 0 ? null : stack[depth - 1];
  }

  void pop() {
    Frame f = stack[--depth];
    f.steps = null;
    f.owner = null;
  }

  boolean isEmpty() {
    return depth == 0;
  }

  void clear() {
    while (depth > 0) pop();
  }
}
