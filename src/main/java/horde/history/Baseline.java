package horde.history;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A named set of one or more runs of one scenario, to compare later runs with. Several runs carry
 * their run-to-run spread into the comparison.
 *
 * @param createdAt ISO 8601, UTC
 * @param runs run ids in the order given
 */
public record Baseline(String name, String scenario, String description, String createdAt, List<Long> runs) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public Baseline {
    runs = List.copyOf(runs);
  }

  /** Throws when {@code name} is not a baseline name: letters, digits, {@code . _ -}, at most 64. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches())
      throw new IllegalArgumentException("baseline name '" + clip(name) + "': use letters, digits, '.', '_' and '-'"
          + " (at most 64, starting with a letter or digit), like prod-v1");
    return name;
  }

  static String clip(String s) {
    if (s == null) return "";
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
