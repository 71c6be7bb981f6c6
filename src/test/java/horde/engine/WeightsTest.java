package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import horde.plan.StepPlan;
import horde.plan.TaskPlan;
import horde.plan.UserPlan;
import horde.scenario.WaitTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightsTest {
  static TaskPlan task(String name, int weight) {
    return new TaskPlan(name, weight, List.<StepPlan>of(new StepPlan.Think(WaitTime.NONE)));
  }

  @Test
  void tasksAreDrawnInProportionToTheirWeights() {
    List<TaskPlan> tasks = List.of(task("new", 40), task("follow", 25), task("agents", 15), task("health", 10),
        task("rag", 5), task("history", 5));
    UserPlan user = new UserPlan(0, "u", 1, WaitTime.NONE, List.of(), tasks, List.of(), UserPlan.cumulative(tasks));
    SplittableRandom random = new SplittableRandom(42);
    int[] counts = new int[tasks.size()];
    int n = 10_000;
    for (int i = 0; i < n; i++) counts[tasks.indexOf(user.pickTask(random))]++;
    for (int i = 0; i < tasks.size(); i++) {
      assertThat(counts[i] * 100.0 / n).as(tasks.get(i).name()).isCloseTo(tasks.get(i).weight(), within(2.0));
    }
  }

  @Test
  void aZeroWeightTaskNeverRuns() {
    List<TaskPlan> tasks = List.of(task("never", 0), task("always", 3));
    UserPlan user = new UserPlan(0, "u", 1, WaitTime.NONE, List.of(), tasks, List.of(), UserPlan.cumulative(tasks));
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) assertThat(user.pickTask(random).name()).isEqualTo("always");
  }
}
