package horde.report;

/** Escaping for XML text and attributes; drops the control characters XML 1.0 cannot carry. */
final class Xml {
  private Xml() {}

  static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        case '\n', '\t' -> b.append(c);
        case '\r' -> b.append("&#13;");
        default -> {
          if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) b.append(c);
        }
      }
    }
    return b.toString();
  }
}
