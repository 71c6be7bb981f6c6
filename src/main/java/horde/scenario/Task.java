package horde.scenario;

import java.util.List;
import java.util.Objects;

/** A named sequence of steps a user repeats; chosen among its class's tasks by weight. */
public record Task(String name, int weight, List<Step> steps, SourcePosition position) {
  public Task {
    Objects.requireNonNull(name, "name");
    if (weight < 0) throw new IllegalArgumentException("weight must be >= 0");
    steps = List.copyOf(steps);
    position = position == null ? SourcePosition.UNKNOWN : position;
    if (steps.isEmpty()) throw new IllegalArgumentException("task " + name + " has no steps");
  }
}
