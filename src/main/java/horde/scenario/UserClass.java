package horde.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A kind of virtual user: its share of the users, how long it thinks between tasks, what it does
 * once at start and stop, and the weighted tasks it repeats.
 */
public record UserClass(
    String name,
    int weight,
    WaitTime waitTime,
    List<Step> onStart,
    List<Task> tasks,
    List<Step> onStop,
    SourcePosition position) {

  public UserClass {
    Objects.requireNonNull(name, "name");
    if (weight < 0) throw new IllegalArgumentException("weight must be >= 0");
    waitTime = waitTime == null ? WaitTime.NONE : waitTime;
    onStart = List.copyOf(onStart == null ? List.of() : onStart);
    tasks = List.copyOf(tasks);
    onStop = List.copyOf(onStop == null ? List.of() : onStop);
    position = position == null ? SourcePosition.UNKNOWN : position;
    if (tasks.isEmpty()) throw new IllegalArgumentException("user class " + name + " has no tasks");
  }
}
