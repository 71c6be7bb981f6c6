package horde.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text holding several curl commands, as copied from documentation, into one string per
 * command: a command ends at a new line that is neither escaped with {@code \} nor inside quotes
 * (a JSON body in single quotes spans lines). Blank lines, {@code #} comments and a leading shell
 * prompt ({@code $ }) are dropped.
 */
public final class CurlLines {
  private CurlLines() {}

  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == 0 && c == '\\' && i + 1 < text.length()) {
        cur.append(c).append(text.charAt(++i));
        continue;
      }
      if (quote == 0 && c == '#' && cur.toString().isBlank()) {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') i++;
        continue;
      }
      if (quote == 0 && (c == '\'' || c == '"')) quote = c;
      else if (quote != 0 && c == quote && !(quote == '"' && text.charAt(i - 1) == '\\')) quote = 0;
      if (c == '\n' && quote == 0) {
        add(cur, out);
      } else {
        cur.append(c);
      }
    }
    add(cur, out);
    return out;
  }

  private static void add(StringBuilder cur, List<String> out) {
    String s = cur.toString().strip();
    if (s.startsWith("$ ")) s = s.substring(2).strip();
    if (!s.isEmpty()) out.add(s);
    cur.setLength(0);
  }
}
