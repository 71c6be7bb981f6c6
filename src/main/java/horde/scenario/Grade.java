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

  /** Parses a row as written in a scenario: {@code "GOOD: avg < 5s"}, or {@code "POOR"} alone. */
  public static Grade parse(String row) {
    return parse(row, SourcePosition.UNKNOWN);
  }

  /**
   * Parses a row: a name, then a colon and a {@link ThresholdParser threshold}; a name alone is the
   * grade otherwise. Names hold no {@code : < > =}.
   *
   * @param position the condition's position (for its error messages)
   * @throws ThresholdSyntaxException with the offset in {@code row} of what is wrong
   */
  public static Grade parse(String row, SourcePosition position) {
    int colon = row.indexOf(':');
    String name = (colon < 0 ? row : row.substring(0, colon)).strip();
    int comparison = indexOfAny(colon < 0 ? row : row.substring(0, colon), "<>=");
    if (comparison >= 0)
      throw new ThresholdSyntaxException(
          colon < 0 ? 0 : comparison,
          colon < 0
              ? "expected a grade and its condition, like GOOD: avg < 5s (or a grade alone, like"
                  + " POOR)"
              : "a grade's name comes before the colon, like GOOD: avg < 5s");
    if (name.isEmpty())
      throw new ThresholdSyntaxException(
          0, "a grade row starts with the grade's name, like GOOD: avg < 5s");
    if (colon < 0) return otherwise(name);
    String condition = row.substring(colon + 1);
    if (condition.isBlank())
      throw new ThresholdSyntaxException(
          colon + 1,
          "after '"
              + name
              + ":' comes a condition like avg < 5s; a grade without a condition is written"
              + " without the colon: "
              + name);
    try {
      return new Grade(
          name, ThresholdParser.parse(condition, null, Threshold.Level.FAIL, position));
    } catch (ThresholdSyntaxException e) {
      throw new ThresholdSyntaxException(colon + 1 + e.offset(), e.getMessage());
    }
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) if (chars.indexOf(text.charAt(i)) >= 0) return i;
    return -1;
  }
}
