package horde.history;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario file's text as the history keeps it: a secret written into the file literally (an
 * {@code Authorization} header, an API key, a password in a URL) is replaced with {@code
 * "[redacted]"} ({@code ***} in a URL). Values that only name a variable ({@code ${env.API_TOKEN}}) are kept: they hold no
 * secret. The result file never holds headers; this keeps the stored scenario to the same rule.
 */
public final class ScenarioText {
  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?im)((?:^|[{,\\s])[\"']?(?:[\\w-]*(?:authorization|api[_-]?key|token|secret|password|passwd|cookie|credential)[\\w-]*)[\"']?\\s*:\\s*)"
          + "(\"[^\"\\n]*\"|'[^'\\n]*'|[^,}\\n#]*)");
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]+):[^/\\s@]+@");
  /** Quoted, so that the text still reads as YAML. */
  static final String REDACTED = "\"[redacted]\"";

  private ScenarioText() {}

  public static String redacted(String text) {
    if (text == null) return null;
    Matcher m = SECRET_KEY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String value = m.group(2).strip();
      boolean keep = value.isEmpty() || value.contains("${") || value.startsWith("|") || value.startsWith(">");
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (keep ? m.group(2) : REDACTED)));
    }
    m.appendTail(out);
    return URL_PASSWORD.matcher(out).replaceAll("$1:***@");
  }
}
