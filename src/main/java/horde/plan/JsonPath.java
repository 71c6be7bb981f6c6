package horde.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The JSONPath responses need for checks, saves and token counts: {@code $}, {@code .name}, {@code
 * ['name']}, {@code [index]} (negative counts from the end), {@code .*} and {@code [*]} (any member),
 * and {@code ..name} (a member at any depth). Where a path can match several values, {@link #find}
 * gives the first in document order: {@code $..id} is the first {@code id} anywhere. Compiled once.
 *
 * <pre>{@code JsonPath.compile("$.choices[0].message.content").find(tree)}</pre>
 */
public final class JsonPath {
  sealed interface Step {}

  record Field(String name) implements Step {}

  record Index(int index) implements Step {}

  private record Any() implements Step {}

  private record Deep(String name) implements Step {}

  private final String source;
  private final Step[] steps;

  private JsonPath(String source, Step[] steps) {
    this.source = source;
    this.steps = steps;
  }

  /** Throws {@link IllegalArgumentException} naming the offset of what is wrong. */
  public static JsonPath compile(String path) {
    String p = path.strip();
    if (!p.startsWith("$")) throw new IllegalArgumentException("a JSONPath starts with $, like $.id");
    List<Step> steps = new ArrayList<>();
    int i = 1;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (p.startsWith("..", i)) {
        int end = nameEnd(p, i + 2);
        if (end == i + 2) throw bad(path, i, "expected a field name after '..'");
        steps.add(new Deep(p.substring(i + 2, end)));
        i = end;
      } else if (c == '.') {
        int end = nameEnd(p, i + 1);
        if (end == i + 1) throw bad(path, i, "expected a field name after '.'");
        String name = p.substring(i + 1, end);
        steps.add(name.equals("*") ? new Any() : new Field(name));
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
    return new JsonPath(path, steps.toArray(Step[]::new));
  }

  private static int nameEnd(String p, int from) {
    int end = from;
    while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') end++;
    return end;
  }

  private static Step bracket(String path, String inside, int at) {
    if (inside.equals("*")) return new Any();
    if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'") || inside.startsWith("\"") && inside.endsWith("\"")))
      return new Field(inside.substring(1, inside.length() - 1));
    try {
      return new Index(Integer.parseInt(inside));
    } catch (NumberFormatException e) {
      throw bad(path, at, "expected an index like [0], [*] or a quoted name like ['id'] (filters are not supported)");
    }
  }

  private static IllegalArgumentException bad(String path, int at, String what) {
    return new IllegalArgumentException("JSONPath '" + path + "' at " + (at + 1) + ": " + what);
  }

  /**
   * Whether the path names one place reachable by walking down: only {@code .name}, {@code ['name']}
   * and indexes from 0 to {@code maxIndex}, so that a single pass over a document can find it
   * ({@link JsonPicks}).
   */
  boolean plain(int maxIndex) {
    for (Step s : steps) {
      boolean ok = s instanceof Field || s instanceof Index ix && ix.index() >= 0 && ix.index() <= maxIndex;
      if (!ok) return false;
    }
    return true;
  }

  /** The steps below {@code $}, in order; for {@link JsonPicks}. */
  List<Step> steps() {
    return List.of(steps);
  }

  /** The first node at this path, or null when the path is not there. */
  public JsonNode find(JsonNode root) {
    return find(root, 0);
  }

  private JsonNode find(JsonNode node, int step) {
    if (node == null) return null;
    if (step == steps.length) return node;
    return switch (steps[step]) {
      case Field f -> find(node.isObject() ? node.get(f.name()) : null, step + 1);
      case Index ix -> node.isArray() ? find(node.get(ix.index() < 0 ? node.size() + ix.index() : ix.index()), step + 1) : null;
      case Any a -> first(children(node), step + 1);
      case Deep d -> deep(node, d.name(), step + 1);
    };
  }

  private JsonNode first(List<JsonNode> candidates, int step) {
    for (JsonNode c : candidates) {
      JsonNode found = find(c, step);
      if (found != null) return found;
    }
    return null;
  }

  /** Depth-first, in document order: the node's own member first, then inside each child. */
  private JsonNode deep(JsonNode node, String name, int step) {
    if (node.isObject() && node.has(name)) {
      JsonNode found = find(node.get(name), step);
      if (found != null) return found;
    }
    for (JsonNode child : children(node)) {
      JsonNode found = deep(child, name, step);
      if (found != null) return found;
    }
    return null;
  }

  private static List<JsonNode> children(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isObject()) for (Map.Entry<String, JsonNode> e : node.properties()) out.add(e.getValue());
    else if (node.isArray()) node.forEach(out::add);
    return out;
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
