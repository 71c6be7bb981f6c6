package horde.dsl;

import horde.scenario.Branch;
import horde.scenario.Branch.Condition;
import horde.scenario.Branch.Condition.Test;
import java.util.List;

/**
 * Steps run only when a condition on a user variable holds ({@code if:} in a file). Start one with
 * {@link Dsl#ifVar}:
 *
 * <pre>{@code
 * ifVar("plan").equalTo("pro").then(get("/api/pro/report")).otherwise(get("/api/upgrade"))
 * ifVar("plan").in("pro", "team").then(...)
 * ifVar("token").absent().then(post("/api/login").save("token", "$.token"))
 * }</pre>
 */
public final class BranchBuilder implements StepBuilder {
  private final Condition condition;
  private final List<StepBuilder> then;
  private List<StepBuilder> otherwise = List.of();

  private BranchBuilder(Condition condition, List<StepBuilder> then) {
    this.condition = condition;
    this.then = then;
  }

  /** The steps run when the condition does not hold. */
  public BranchBuilder otherwise(StepBuilder... steps) {
    otherwise = List.of(steps);
    return this;
  }

  @Override
  public Branch build() {
    return new Branch(condition, StepBuilder.buildAll(then), StepBuilder.buildAll(otherwise), null);
  }

  /** The variable tested, waiting for its test. */
  public static final class On {
    private final String variable;

    On(String variable) {
      this.variable = variable;
    }

    public Then equalTo(String value) {
      return new Then(new Condition(variable, Test.EQUALS, List.of(value)));
    }

    public Then in(String... values) {
      if (values.length == 0) throw new IllegalArgumentException("in needs at least one value");
      return new Then(new Condition(variable, Test.IN, List.of(values)));
    }

    /** The variable is set (saved, declared, or given by setup). */
    public Then present() {
      return new Then(new Condition(variable, Test.PRESENT, List.of()));
    }

    public Then absent() {
      return new Then(new Condition(variable, Test.ABSENT, List.of()));
    }
  }

  /** A condition, waiting for its steps. */
  public static final class Then {
    private final Condition condition;

    Then(Condition condition) {
      this.condition = condition;
    }

    /** The steps run when the condition holds: at least one. */
    public BranchBuilder then(StepBuilder... steps) {
      if (steps.length == 0) throw new IllegalArgumentException("if needs at least one step");
      return new BranchBuilder(condition, List.of(steps));
    }
  }
}
