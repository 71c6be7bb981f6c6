package horde.plan;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSONPath subset responses need for checks and correlation: {@code $}, {@code .name}, {@code
 * ['name']}, {@code [index]} (negative counts from the end). Compiled once.
 *
 * <pre>{@code JsonPath.compile("$.choices[0].message.content").find(tree)}</pre>
 */
public final class JsonPath {
  private final String source;
  private final Object[] steps; // String = field, Integer = index

  private JsonPath(String source, Object[] steps) {
    this.source = source;
    this.steps = steps;
  }

  /** Throws {@link IllegalArgumentException} naming the offset of what is wrong. */
  public static JsonPath compile(String path) {
    String p = path.strip();
    if (!p.startsWith("$")) throw new IllegalArgumentException("a JSONPath starts with $, like $.id");
    List<Object> steps = new ArrayList<>();
    int i = 1;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') end++;
        if (end == i + 1) throw bad(path, i, "expected a field name after '.'");
        steps.add(p.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int close = p.indexOf(']', i);
        if (close < 0) throw bad(path, i, "'[' is not closed");
        steps.add(bracket(path, p.substring(i + 1, close).strip(), i));
        i = close + 1;
      } else {
        throw bad(path, i, "expected '.' or '['");
      }
    }
    return new JsonPath(path, steps.toArray());
  }

  private static Object bracket(String path, String inside, int at) {
    if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'") || inside.startsWith("\"") && inside.endsWith("\"")))
      return inside.substring(1, inside.length() - 1);
    try {
      return Integer.parseInt(inside);
    } catch (NumberFormatException e) {
      throw bad(path, at, "expected an index like [0] or a quoted name like ['id'] (filters and wildcards are not supported)");
    }
  }

  private static IllegalArgumentException bad(String path, int at, String what) {
    return new IllegalArgumentException("JSONPath '" + path + "' at " + (at + 1) + ": " + what);
  }

  /** The node at this path, or null when the path is not there. */
  public JsonNode find(JsonNode root) {
    JsonNode node = root;
    for (Object step : steps) {
      if (node == null) return null;
      if (step instanceof String field) {
        node = node.isObject() ? node.get(field) : null;
      } else {
        int index = (Integer) step;
        if (!node.isArray()) return null;
        node = node.get(index < 0 ? node.size() + index : index);
      }
    }
    return node;
  }

  /** The value as text: strings bare, numbers and booleans as written, objects as JSON. */
  public static String text(JsonNode node) {
    return node.isValueNode() ? node.asString() : node.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
