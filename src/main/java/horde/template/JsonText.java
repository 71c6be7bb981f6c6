package horde.template;

/** JSON string escaping, in place, without allocating when there is nothing to escape. */
public final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** Escapes the characters of {@code out} from {@code start} on, as inside a JSON string. */
  public static void escapeFrom(StringBuilder out, int start) {
    int first = -1;
    for (int i = start; i < out.length(); i++) {
      if (needsEscape(out.charAt(i))) {
        first = i;
        break;
      }
    }
    if (first < 0) return;
    String tail = out.substring(first);
    out.setLength(first);
    for (int i = 0; i < tail.length(); i++) appendEscaped(out, tail.charAt(i));
  }

  /** The text as the inside of a JSON string (without the quotes). */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text);
    escapeFrom(sb, 0);
    return sb.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029';
  }

  private static void appendEscaped(StringBuilder out, char c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      default -> {
        if (needsEscape(c)) {
          out.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15]);
          out.append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
        } else {
          out.append(c);
        }
      }
    }
  }
}
