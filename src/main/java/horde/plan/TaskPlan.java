package horde.plan;

import java.util.List;

/** A compiled task. */
public record TaskPlan(String name, int weight, List<StepPlan> steps) {
  public TaskPlan {
    steps = List.copyOf(steps);
  }
}
