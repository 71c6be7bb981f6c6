package horde.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One named run in a sequence ({@code phases:}): its own load, criteria and grade, reported on
 * its own and in the overall result — e.g. a ladder of 1, 5, 10, 20, 50 users.
 */
public record Phase(String name, LoadProfile load, List<Threshold> thresholds, List<Grade> grades,
    SourcePosition position) {
  public Phase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(load, "load");
    thresholds = List.copyOf(thresholds == null ? List.of() : thresholds);
    grades = List.copyOf(grades == null ? List.of() : grades);
    position = position == null ? SourcePosition.UNKNOWN : position;
  }
}
