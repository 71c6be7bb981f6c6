package horde.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Steps run only when a condition on a user variable holds ({@code if:}), else the others. */
public record Branch(Condition condition, List<Step> then, List<Step> otherwise, SourcePosition position)
    implements Step {
  public Branch {
    Objects.requireNonNull(condition, "condition");
    then = List.copyOf(then);
    otherwise = List.copyOf(otherwise == null ? List.of() : otherwise);
    position = position == null ? SourcePosition.UNKNOWN : position;
  }

  /**
   * A test on one variable: set or not, equal to a value, or one of several.
   *
   * @param values for EQUALS one value, for IN several; empty otherwise
   */
  public record Condition(String variable, Test test, List<String> values) {
    public enum Test {
      PRESENT,
      ABSENT,
      EQUALS,
      IN
    }

    public Condition {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(test, "test");
      values = List.copyOf(values == null ? List.of() : values);
    }

    public boolean holds(String value) {
      return switch (test) {
        case PRESENT -> value != null;
        case ABSENT -> value == null;
        case EQUALS, IN -> value != null && values.contains(value);
      };
    }

    public String describe() {
      return variable + " " + test.name().toLowerCase(Locale.ROOT) + (values.isEmpty() ? "" : " " + values);
    }
  }
}
