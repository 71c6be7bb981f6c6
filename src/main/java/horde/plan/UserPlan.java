package horde.plan;

import horde.scenario.WaitTime;
import java.util.List;
import java.util.random.RandomGenerator;

/** A compiled user class; picks its tasks by weight. */
public record UserPlan(
    int index,
    String name,
    int weight,
    WaitTime waitTime,
    List<StepPlan> onStart,
    List<TaskPlan> tasks,
    List<StepPlan> onStop,
    long[] cumulativeWeights) {

  public UserPlan {
    onStart = List.copyOf(onStart);
    tasks = List.copyOf(tasks);
    onStop = List.copyOf(onStop);
  }

  public static long[] cumulative(List<TaskPlan> tasks) {
    long[] c = new long[tasks.size()];
    long sum = 0;
    for (int i = 0; i < c.length; i++) c[i] = sum += tasks.get(i).weight();
    return c;
  }

  /** A task drawn with probability proportional to its weight. */
  public TaskPlan pickTask(RandomGenerator random) {
    long total = cumulativeWeights[cumulativeWeights.length - 1];
    long r = random.nextLong(total);
    for (int i = 0; i < cumulativeWeights.length; i++) {
      if (r < cumulativeWeights[i]) return tasks.get(i);
    }
    return tasks.get(tasks.size() - 1);
  }
}
