package horde.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line as a POSIX shell would — quotes, backslashes, line continuations, {@code
 * $'...'} — into words of template text. A shell variable where the shell would expand it ({@code
 * $API_KEY} or {@code ${API_KEY}}, bare or in double quotes) becomes {@code ${env.API_KEY:-}}; in
 * single quotes it is text. Command substitution {@code $(...)} is refused: its value is unknown.
 *
 * <pre>{@code
 * ShellWords.split("curl -H \"Authorization: Bearer $TOKEN\" 'https://x/y'")
 * // [curl, -H, Authorization: Bearer ${env.TOKEN:-}, https://x/y]
 * }</pre>
 */
final class ShellWords {
  private final String s;
  private final List<String> words = new ArrayList<>();
  private final StringBuilder literal = new StringBuilder();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;
  private int i;

  private ShellWords(String s) {
    this.s = s;
  }

  static List<String> split(String line) throws ImportException {
    ShellWords w = new ShellWords(line);
    w.run();
    return w.words;
  }

  private void run() throws ImportException {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(i + 1);
        i += 2;
        if (next == '\r' && i < s.length() && s.charAt(i) == '\n') i++;
        if (next != '\n' && next != '\r') text(next);
      } else if (Character.isWhitespace(c)) {
        end();
        i++;
      } else if (c == '\'') {
        single();
      } else if (c == '$' && s.startsWith("$'", i)) {
        ansi();
      } else if (c == '"') {
        dbl();
      } else if (c == '$') {
        dollar();
      } else if (c == '#' && !inWord) {
        while (i < s.length() && s.charAt(i) != '\n') i++;
      } else {
        text(c);
        i++;
      }
    }
    end();
  }

  private void single() throws ImportException {
    int close = s.indexOf('\'', i + 1);
    if (close < 0) throw new ImportException("a ' is not closed: " + s.substring(i));
    inWord = true;
    literal.append(s, i + 1, close);
    i = close + 1;
  }

  private void dbl() throws ImportException {
    int start = i;
    inWord = true;
    i++;
    while (i < s.length() && s.charAt(i) != '"') {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
        if (s.charAt(i + 1) != '\n') text(s.charAt(i + 1));
        i += 2;
      } else if (c == '$') {
        dollar();
      } else {
        text(c);
        i++;
      }
    }
    if (i >= s.length()) throw new ImportException("a \" is not closed: " + s.substring(start));
    i++;
  }

  /** {@code $'...'}: C-style escapes. */
  private void ansi() throws ImportException {
    int start = i;
    inWord = true;
    i += 2;
    while (i < s.length() && s.charAt(i) != '\'') {
      char c = s.charAt(i++);
      if (c != '\\' || i >= s.length()) {
        text(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'n' -> text('\n');
        case 't' -> text('\t');
        case 'r' -> text('\r');
        case 'x' -> hex(2);
        case 'u' -> hex(4);
        default -> text(e);
      }
    }
    if (i >= s.length()) throw new ImportException("a $' is not closed: " + s.substring(start));
    i++;
  }

  private void hex(int max) {
    int end = i;
    while (end < s.length() && end - i < max && Character.digit(s.charAt(end), 16) >= 0) end++;
    if (end == i) {
      text('\\');
      return;
    }
    text((char) Integer.parseInt(s.substring(i, end), 16));
    i = end;
  }

  /** At a {@code $}: a variable becomes a reference to the environment. */
  private void dollar() throws ImportException {
    inWord = true;
    if (s.startsWith("$(", i)) throw new ImportException("command substitution $(...) cannot be imported: put its value in the command");
    int start = i + 1;
    boolean braced = start < s.length() && s.charAt(start) == '{';
    int from = braced ? start + 1 : start;
    int end = from;
    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) end++;
    if (end == from || Character.isDigit(s.charAt(from)) || braced && (end >= s.length() || s.charAt(end) != '}')) {
      text('$');
      i++;
      return;
    }
    flush();
    word.append(TemplateText.env(s.substring(from, end)));
    i = braced ? end + 1 : end;
  }

  private void text(char c) {
    inWord = true;
    literal.append(c);
  }

  private void flush() {
    word.append(TemplateText.literal(literal.toString()));
    literal.setLength(0);
  }

  private void end() {
    flush();
    if (inWord) words.add(word.toString());
    word.setLength(0);
    inWord = false;
  }
}
