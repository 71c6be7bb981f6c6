package horde.importer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists and scalars as block YAML that Horde's loader reads back as the same
 * tree: a string is written plain only when it can mean nothing else under the YAML 1.2 core schema,
 * and double-quoted otherwise. {@link Commented} puts comment lines above an entry, {@link Flow}
 * writes a small map on one line.
 *
 * <pre>{@code
 * YamlText.write(Map.of("tasks", List.of(Map.of("get", "/health"))))   // "tasks:\n  - get: /health\n"
 * }</pre>
 */
final class YamlText {
  /** A value with comment lines written above it. */
  record Commented(List<String> comment, Object value) {}

  /** A map written on one line, {@code {a: 1, b: 2}}; its values must be scalars. */
  record Flow(Map<String, ?> map) {}

  /** What the YAML 1.2 core schema reads as a number: int, octal, hex, float, infinity, not-a-number. */
  private static final Pattern NUMBER_LIKE = Pattern.compile(
      "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  private static final List<String> KEYWORDS =
      List.of("true", "false", "null", "~", "yes", "no", "on", "off", "y", "n");

  private final StringBuilder out = new StringBuilder();

  private YamlText() {}

  static String write(Map<String, ?> root) {
    YamlText y = new YamlText();
    y.map(root, 0);
    return y.out.toString();
  }

  private void map(Map<String, ?> map, int indent) {
    for (Map.Entry<String, ?> e : map.entrySet()) {
      Object v = comments(e.getValue(), indent);
      pad(indent).append(key(e.getKey())).append(':');
      value(v, indent);
    }
  }

  private void list(List<?> list, int indent) {
    for (Object item : list) {
      Object v = comments(item, indent);
      if (v instanceof Map<?, ?> m && !m.isEmpty()) comments(m.values().iterator().next(), indent);
      pad(indent).append("- ");
      if (v instanceof Map<?, ?> m && !m.isEmpty()) {
        inlineFirst(m, indent + 2);
      } else if (v instanceof List<?> l && !l.isEmpty()) {
        out.setLength(out.length() - 1);
        out.append('\n');
        list(l, indent + 2);
      } else {
        out.setLength(out.length() - 1);
        value(v, indent);
      }
    }
  }

  /** A map in a list item: its first entry on the dash's line, the rest below it. */
  @SuppressWarnings("unchecked")
  private void inlineFirst(Map<?, ?> m, int indent) {
    boolean first = true;
    for (Map.Entry<String, ?> e : ((Map<String, ?>) m).entrySet()) {
      Object v = e.getValue();
      if (first && v instanceof Commented c) v = c.value(); // its lines went above the dash
      if (!first) {
        v = comments(v, indent);
        pad(indent);
      }
      out.append(key(e.getKey())).append(':');
      value(v, indent);
      first = false;
    }
  }

  @SuppressWarnings("unchecked")
  private void value(Object v, int indent) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      out.append('\n');
      map((Map<String, ?>) m, indent + 2);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      out.append('\n');
      list(l, indent + 2);
    } else if (v instanceof Flow f) {
      out.append(' ').append(flow(f.map())).append('\n');
    } else {
      out.append(' ').append(scalar(v, false)).append('\n');
    }
  }

  private Object comments(Object v, int indent) {
    if (!(v instanceof Commented c)) return v;
    for (String line : c.comment()) pad(indent).append(line.isEmpty() ? "#" : "# " + line).append('\n');
    return c.value();
  }

  private StringBuilder pad(int indent) {
    return out.append(" ".repeat(indent));
  }

  private static String flow(Map<String, ?> map) {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (b.length() > 1) b.append(", ");
      b.append(key(e.getKey())).append(": ").append(scalar(e.getValue(), true));
    }
    return b.append('}').toString();
  }

  private static String key(String k) {
    return plain(k, true) ? k : quoted(k);
  }

  /** A scalar: null, a boolean, a number, or a string (plain when safe). */
  static String scalar(Object v, boolean inFlow) {
    if (v == null) return "null";
    if (v instanceof Boolean || v instanceof Number) return v.toString();
    if (v instanceof Map<?, ?>) return "{}";
    if (v instanceof List<?>) return "[]";
    String s = v.toString();
    return plain(s, inFlow) ? s : quoted(s);
  }

  /** Whether {@code s} reads back as this same string when written without quotes. */
  static boolean plain(String s, boolean inFlow) {
    if (s.isEmpty() || s.strip().length() != s.length()) return false;
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) >= 0) return false;
    if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) return false;
    if (KEYWORDS.contains(s.toLowerCase(Locale.ROOT)) || NUMBER_LIKE.matcher(s).matches()) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c >= 0x80 && !printable(c)) return false;
      if (inFlow && ",[]{}".indexOf(c) >= 0) return false;
    }
    return true;
  }

  /** A YAML double-quoted scalar; every character YAML does not print as is becomes an escape. */
  static String quoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c >= 0x80 && !printable(c)) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  /** Non-ASCII characters YAML allows unescaped: no C1 controls, line separators or non-characters. */
  private static boolean printable(char c) {
    return c >= 0xa0 && c != 0x2028 && c != 0x2029 && c != 0xfeff && c != 0xfffe && c != 0xffff;
  }
}
