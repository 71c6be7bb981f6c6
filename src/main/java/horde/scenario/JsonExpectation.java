package horde.scenario;

import java.util.List;

/** What a JSON check expects at its path. */
public sealed interface JsonExpectation {
  String describe();

  /** The path exists (its value may be null). */
  record Present() implements JsonExpectation {
    @Override
    public String describe() {
      return "present";
    }
  }

  record Absent() implements JsonExpectation {
    @Override
    public String describe() {
      return "absent";
    }
  }

  /** The value equals one of several scalars: {@code status in [completed, failed]}. */
  record OneOf(List<Object> values) implements JsonExpectation {
    public OneOf {
      values = List.copyOf(values);
    }

    @Override
    public String describe() {
      return "in " + values;
    }
  }

  /** The value equals a scalar: string, number or boolean. */
  record EqualTo(Object value) implements JsonExpectation {
    @Override
    public String describe() {
      return value instanceof String s ? "= \"" + s + "\"" : "= " + value;
    }
  }
}
