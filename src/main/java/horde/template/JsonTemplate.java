package horde.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles a JSON tree (maps, lists, strings, numbers, booleans, null) whose strings may hold
 * templates into one bound template that renders valid JSON: values put into strings are escaped.
 */
public final class JsonTemplate {
  private JsonTemplate() {}

  public static BoundTemplate compile(Object tree, Symbols symbols) {
    List<Segment> out = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    write(tree, symbols, out, literal);
    flush(out, literal);
    return new BoundTemplate(String.valueOf(tree), out);
  }

  private static void write(Object node, Symbols symbols, List<Segment> out, StringBuilder lit) {
    switch (node) {
      case null -> lit.append("null");
      case Map<?, ?> map -> {
        lit.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!first) lit.append(',');
          first = false;
          lit.append('"').append(JsonText.escape(String.valueOf(e.getKey()))).append("\":");
          write(e.getValue(), symbols, out, lit);
        }
        lit.append('}');
      }
      case List<?> list -> {
        lit.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) lit.append(',');
          write(list.get(i), symbols, out, lit);
        }
        lit.append(']');
      }
      case String s -> writeString(s, symbols, out, lit);
      case Number n -> lit.append(n);
      case Boolean b -> lit.append(b);
      default -> writeString(node.toString(), symbols, out, lit);
    }
  }

  private static void writeString(String s, Symbols symbols, List<Segment> out, StringBuilder lit) {
    lit.append('"');
    for (Segment seg : Binder.bind(Template.parse(s), symbols, true).segments()) {
      if (seg instanceof Segment.Literal l) {
        lit.append(l.text());
      } else {
        flush(out, lit);
        out.add(seg);
      }
    }
    lit.append('"');
  }

  private static void flush(List<Segment> out, StringBuilder lit) {
    if (!lit.isEmpty()) {
      out.add(new Segment.Literal(lit.toString()));
      lit.setLength(0);
    }
  }
}
