package horde.scenario;

import java.util.Objects;

/**
 * How a response says it was served from a cache: a JSON field that is {@code true} (or equals
 * {@code equals}), or a header equal to {@code equals} (present, when null).
 */
public record CacheHit(Source source, String expression, String equals) {
  public enum Source {
    JSON,
    HEADER
  }

  public CacheHit {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) throw new IllegalArgumentException("a cache-hit rule needs a JSONPath or a header name");
  }

  public String describe() {
    return (source == Source.JSON ? "json " : "header ") + expression + (equals == null ? "" : " = " + equals);
  }
}
