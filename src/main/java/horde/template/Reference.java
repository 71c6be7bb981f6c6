package horde.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The inside of one {@code ${...}}: {@code name} (dotted, e.g. {@code env.API_TOKEN}), optional
 * {@code args} in parentheses, optional {@code fallback} after {@code :-}.
 */
public record Reference(String name, List<String> args, String fallback) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_-]+)*");

  public Reference {
    args = List.copyOf(args);
  }

  /** {@code offset} is where {@code inner} starts in the template, for error positions. */
  static Reference parse(String inner, int offset) {
    String body = inner;
    String fallback = null;
    int dash = inner.indexOf(":-");
    if (dash >= 0) {
      body = inner.substring(0, dash);
      fallback = inner.substring(dash + 2);
    }
    int start = offset + (body.length() - body.stripLeading().length());
    body = body.strip();
    List<String> args = new ArrayList<>();
    int paren = body.indexOf('(');
    String name = body;
    if (paren >= 0) {
      if (!body.endsWith(")"))
        throw new TemplateSyntaxException(start + body.length(), "expected ')' to close the arguments");
      name = body.substring(0, paren).strip();
      String inside = body.substring(paren + 1, body.length() - 1).strip();
      if (!inside.isEmpty()) for (String a : inside.split(",", -1)) args.add(a.strip());
    }
    if (!NAME.matcher(name).matches())
      throw new TemplateSyntaxException(
          start,
          name.isEmpty()
              ? "empty reference '${}'; expected a name like ${user_id}"
              : "'" + name + "' is not a valid name; expected letters, digits, _ and dots");
    return new Reference(name, args, fallback);
  }

  /** The part before the first dot: {@code env} in {@code env.API_TOKEN}. */
  public String head() {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** The part after the first dot, or null. */
  public String tail() {
    int dot = name.indexOf('.');
    return dot < 0 ? null : name.substring(dot + 1);
  }

  @Override
  public String toString() {
    return "${" + name + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")")
        + (fallback == null ? "" : ":-" + fallback) + "}";
  }
}
