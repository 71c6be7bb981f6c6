package horde.scenario;

import java.util.List;

/**
 * Steps repeated {@code times} times, or once per row of {@code feeder} in file order (each turn
 * sees that row as {@code ${feeder.column}}) — a scripted conversation, say. Exactly one of the
 * two is set.
 */
public record Loop(int times, String feeder, List<Step> steps, SourcePosition position) implements Step {
  public Loop {
    steps = List.copyOf(steps);
    position = position == null ? SourcePosition.UNKNOWN : position;
    if ((times > 0) == (feeder != null)) throw new IllegalArgumentException("a loop has either a count or a feeder");
    if (steps.isEmpty()) throw new IllegalArgumentException("a loop has no steps");
  }
}
