package horde;

import horde.scenario.LoadProfile;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.Step;
import horde.scenario.Task;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import java.time.Duration;
import java.util.List;

/** Small scenarios built from the model, for tests that need no YAML. */
public final class Scenarios {
  private Scenarios() {}

  public static Scenario steps(String target, LoadProfile load, Step... steps) {
    Task task = new Task("t", 1, List.of(steps), null);
    UserClass user = new UserClass("u", 1, WaitTime.NONE, null, List.of(task), null, null);
    return Scenario.builder("test", target).users(List.of(user)).load(load).build();
  }

  public static Scenario get(String target, String path, LoadProfile load) {
    return steps(target, load, Request.of("GET", path));
  }

  public static LoadProfile.FixedCount requests(long n, int concurrency) {
    return new LoadProfile.FixedCount(n, concurrency, Duration.ofSeconds(30), null);
  }
}
