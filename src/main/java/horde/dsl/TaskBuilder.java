package horde.dsl;

import horde.scenario.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A task: named steps a user repeats, chosen among its class's tasks by weight. Start one with
 * {@link Dsl#task(String)}, or {@link Dsl#task(RequestBuilder)} for a one-request task.
 *
 * <pre>{@code
 * task("ask").weight(40)
 *     .step(post("/api/ask").json("""
 *         {"q": "${questions.text}"}"""))
 *     .think("2s")
 * }</pre>
 */
public final class TaskBuilder {
  private String name;
  private int weight = 1;
  private final List<StepBuilder> steps = new ArrayList<>();

  TaskBuilder(String name) {
    this.name = name;
  }

  /** Relative chance of being chosen (default 1). */
  public TaskBuilder weight(int weight) {
    this.weight = weight;
    return this;
  }

  public TaskBuilder step(StepBuilder... more) {
    steps.addAll(Arrays.asList(more));
    return this;
  }

  /** A fixed pause between steps, e.g. reading the answer. */
  public TaskBuilder think(String duration) {
    return step(Dsl.think(duration));
  }

  /** The task, named {@code task<position>} when it has no name. */
  Task build(int position) {
    String n = name != null ? name : "task" + position;
    return new Task(n, weight, StepBuilder.buildAll(steps), null);
  }

  static TaskBuilder ofRequest(RequestBuilder request) {
    TaskBuilder t = new TaskBuilder(request.taskName());
    t.steps.add(request);
    return t;
  }
}
