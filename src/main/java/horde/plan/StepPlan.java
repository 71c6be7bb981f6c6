package horde.plan;

import horde.scenario.Branch;
import horde.scenario.WaitTime;
import java.util.List;

/** A compiled step. */
public sealed interface StepPlan permits RequestPlan, StepPlan.Think, StepPlan.Group, StepPlan.Poll, StepPlan.Loop,
    StepPlan.Branch, WsPlan {
  /** A pause inside a task. */
  record Think(WaitTime waitTime) implements StepPlan {}

  /** A transaction: {@code metric} is the endpoint id its end-to-end time is recorded under. */
  record Group(int metric, List<StepPlan> steps) implements StepPlan {
    public Group {
      steps = List.copyOf(steps);
    }
  }

  /**
   * A request repeated until {@code until} holds on its response.
   *
   * @param timeoutReason the failure reason of the last attempt when time runs out
   */
  record Poll(RequestPlan request, List<CheckPlan> until, long intervalNanos, long timeoutNanos, int timeoutReason)
      implements StepPlan {
    public Poll {
      until = List.copyOf(until);
    }
  }

  /** Steps repeated {@code times} times, or once per row of feeder {@code feeder} (else -1). */
  record Loop(int times, int feeder, List<StepPlan> steps) implements StepPlan {
    public Loop {
      steps = List.copyOf(steps);
    }
  }

  /** {@code then} when the condition holds on variable {@code slot}, else {@code otherwise}. */
  record Branch(int slot, horde.scenario.Branch.Condition condition, List<StepPlan> then, List<StepPlan> otherwise)
      implements StepPlan {
    public Branch {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }
}
