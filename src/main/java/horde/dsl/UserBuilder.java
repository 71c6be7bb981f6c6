package horde.dsl;

import horde.scenario.Task;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A kind of virtual user: its share of the users, its wait between tasks, its start and stop steps
 * and its weighted tasks. Start one with {@link Dsl#user}.
 *
 * <pre>{@code
 * user("chatter").weight(60).waitBetween("1s", "3s")
 *     .onStart(post("/api/conversations").save("conversation_id", "$.id"))
 *     .task(task("ask").step(post("/api/conversations/${conversation_id}/messages")))
 *     .task(task(get("/health")).weight(1))
 * }</pre>
 */
public final class UserBuilder {
  private final String name;
  private int weight = 1;
  private WaitTime wait = WaitTime.NONE;
  private final List<StepBuilder> onStart = new ArrayList<>();
  private final List<TaskBuilder> tasks = new ArrayList<>();
  private final List<StepBuilder> onStop = new ArrayList<>();

  UserBuilder(String name) {
    this.name = name;
  }

  /** Share of the users: classes of weights 60 and 40 get 60 % and 40 % (default 1). */
  public UserBuilder weight(int weight) {
    this.weight = weight;
    return this;
  }

  /** A uniformly random wait after each task. */
  public UserBuilder waitBetween(Duration min, Duration max) {
    return waitTime(new WaitTime.Between(min, max));
  }

  public UserBuilder waitBetween(String min, String max) {
    return waitBetween(Times.parse(min, "wait"), Times.parse(max, "wait"));
  }

  /** The same wait after each task. */
  public UserBuilder waitConstant(Duration d) {
    return waitTime(new WaitTime.Constant(Times.notNegative(d, "wait")));
  }

  public UserBuilder waitConstant(String d) {
    return waitConstant(Times.parse(d, "wait"));
  }

  /** Tasks start every {@code interval}, whatever they take (Locust's constant pacing). */
  public UserBuilder pacing(Duration interval) {
    return waitTime(new WaitTime.Pacing(Times.positive(interval, "pacing")));
  }

  public UserBuilder pacing(String interval) {
    return pacing(Times.parse(interval, "pacing"));
  }

  public UserBuilder waitTime(WaitTime w) {
    this.wait = w;
    return this;
  }

  /** Steps done once when the user starts (log in, open a conversation). */
  public UserBuilder onStart(StepBuilder... steps) {
    onStart.addAll(Arrays.asList(steps));
    return this;
  }

  public UserBuilder task(TaskBuilder... more) {
    tasks.addAll(Arrays.asList(more));
    return this;
  }

  /** A one-request task, named after the request. */
  public UserBuilder task(RequestBuilder request) {
    return task(TaskBuilder.ofRequest(request));
  }

  /** Steps done once when the user stops. */
  public UserBuilder onStop(StepBuilder... steps) {
    onStop.addAll(Arrays.asList(steps));
    return this;
  }

  /** The class, named {@code user<position>} when it has no name. */
  UserClass build(int position) {
    return new UserClass(
        name != null ? name : "user" + position,
        weight,
        wait,
        StepBuilder.buildAll(onStart),
        tasks(tasks),
        StepBuilder.buildAll(onStop),
        null);
  }

  static List<Task> tasks(List<TaskBuilder> tasks) {
    List<Task> out = new ArrayList<>();
    for (TaskBuilder t : tasks) out.add(t.build(out.size() + 1));
    return out;
  }
}
