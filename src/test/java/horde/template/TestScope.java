package horde.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A user's scope for tests and benchmarks: variables by slot, a feeder row of "hello" and "en", user 7 at its third iteration. */
public final class TestScope implements Scope {
  public final Map<Integer, String> variables = new LinkedHashMap<>();
  private final RandomGenerator random = new SplittableRandom(1);

  @Override
  public String variable(int slot) {
    return variables.get(slot);
  }

  @Override
  public String feederValue(int feeder, int column) {
    return column == 0 ? "hello" : "en";
  }

  @Override
  public long userId() {
    return 7;
  }

  @Override
  public long iteration() {
    return 3;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }
}
