package horde.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A transaction: steps timed end to end as a metric of its own (named {@code name}, shown beside
 * the metrics of its requests, never added into the request totals). It fails when one of its
 * requests fails.
 */
public record Group(String name, List<Step> steps, SourcePosition position) implements Step {
  public Group {
    Objects.requireNonNull(name, "name");
    steps = List.copyOf(steps);
    position = position == null ? SourcePosition.UNKNOWN : position;
    if (steps.isEmpty()) throw new IllegalArgumentException("group " + name + " has no steps");
  }
}
