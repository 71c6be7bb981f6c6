package horde.report;

import java.util.List;
import java.util.Map;

/** Escaping and the few building blocks the HTML report's sections share. */
final class Html {
  private Html() {}

  static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A table cell, right-aligned unless {@code cls} says otherwise; {@code text} is escaped. */
  static String td(String cls, String text) {
    return "<td" + (cls == null ? "" : " class=\"" + cls + "\"") + ">" + escape(text) + "</td>";
  }

  static String th(String cls, String text) {
    return "<th" + (cls == null ? "" : " class=\"" + cls + "\"") + ">" + escape(text) + "</th>";
  }

  static String method(String method) {
    return method.isEmpty() ? "" : "<span class=\"method\">" + escape(method) + "</span>";
  }

  /** A value from the settings or environment maps, compact: lists joined, maps as {k: v}. */
  static String value(Object v) {
    if (v instanceof List<?> list) return String.join(", ", list.stream().map(Html::value).toList());
    if (v instanceof Map<?, ?> map) {
      StringBuilder b = new StringBuilder("{");
      map.forEach((k, x) -> b.append(b.length() > 1 ? ", " : "").append(k).append(": ").append(value(x)));
      return b.append('}').toString();
    }
    return String.valueOf(v);
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
