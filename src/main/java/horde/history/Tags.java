package horde.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Tags on a run, {@code --tag env=staging}: names of letters, digits, {@code . _ -}; short printable values. */
public final class Tags {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  static final int MAX_VALUE = 256;

  private Tags() {}

  /** {@code NAME=VALUE} pairs as a map (a later one wins); throws with the bad one named. */
  public static Map<String, String> parse(List<String> pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    if (pairs == null) return out;
    for (String p : pairs) {
      int eq = p.indexOf('=');
      if (eq < 0) throw new IllegalArgumentException("tag '" + Baseline.clip(p) + "': write NAME=VALUE, like env=staging");
      out.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return check(out);
  }

  public static Map<String, String> check(Map<String, String> tags) {
    tags.forEach((k, v) -> {
      if (!NAME.matcher(k).matches())
        throw new IllegalArgumentException("tag name '" + Baseline.clip(k) + "': use letters, digits, '.', '_' and '-' (at most 64)");
      if (v.length() > MAX_VALUE || v.chars().anyMatch(Character::isISOControl))
        throw new IllegalArgumentException("tag " + k + ": a value has at most " + MAX_VALUE + " characters and no control characters");
    });
    return tags;
  }
}
