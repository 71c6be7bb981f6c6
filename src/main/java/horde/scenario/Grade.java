package horde.scenario;

import java.util.Objects;

/**
 * One row of a grade table: the grade a run gets when {@code condition} holds ({@code EXCELLENT:
 * avg < 3s}). Rows are tried in order; a row without a condition is the grade otherwise ({@code
 * POOR}).
 */
public record Grade(String name, Threshold condition) {
  public Grade {
    Objects.requireNonNull(name, "name");
  }

  public static Grade otherwise(String name) {
    return new Grade(name, null);
  }
}
