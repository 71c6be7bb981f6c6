package horde.scenario;

import java.util.Locale;
import java.util.Objects;

/**
 * Saves a value from a response into the user's variables (correlation), e.g. a conversation id
 * for the follow-up questions. A save that finds nothing fails the request.
 *
 * @param expression a JSONPath ({@code $.id}), a header name, a regex whose first group (or
 *     whole match) is the value, or the name of a cookie the answer sets ({@code Set-Cookie})
 */
public record Extract(String variable, Source source, String expression, SourcePosition position) {
  public enum Source {
    JSON,
    HEADER,
    REGEX,
    COOKIE
  }

  public Extract {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(expression, "expression");
    position = position == null ? SourcePosition.UNKNOWN : position;
  }

  public String describe() {
    return "save " + variable + " from " + source.name().toLowerCase(Locale.ROOT) + " " + expression;
  }
}
