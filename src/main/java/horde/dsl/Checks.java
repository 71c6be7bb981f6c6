package horde.dsl;

import horde.scenario.Check;
import horde.scenario.JsonExpectation;
import java.util.Arrays;

/** What a JSON field or a header must be; made by {@link Dsl#jsonPath} and {@link Dsl#header}. */
public final class Checks {
  private Checks() {}

  /** A JSONPath into the response body, waiting for what must hold there. */
  public static final class Json {
    private final String path;

    Json(String path) {
      this.path = path;
    }

    /** The path exists (its value may be null). */
    public Check present() {
      return new Check.JsonField(path, new JsonExpectation.Present());
    }

    public Check absent() {
      return new Check.JsonField(path, new JsonExpectation.Absent());
    }

    /** The value equals a text, number or boolean. */
    public Check equalTo(Object value) {
      return new Check.JsonField(path, new JsonExpectation.EqualTo(scalar(value)));
    }

    /** The value equals one of these: {@code oneOf("completed", "failed")}. */
    public Check oneOf(Object... values) {
      if (values.length == 0) throw new IllegalArgumentException("oneOf needs at least one value");
      return new Check.JsonField(
          path, new JsonExpectation.OneOf(Arrays.stream(values).map(Json::scalar).toList()));
    }

    private static Object scalar(Object v) {
      if (!(v instanceof String || v instanceof Number || v instanceof Boolean))
        throw new IllegalArgumentException(
            "a JSON check compares with a text, number or boolean, not " + v);
      return JsonValues.scalar(v);
    }
  }

  /** A response header, waiting for what must hold. */
  public static final class Header {
    private final String name;

    Header(String name) {
      this.name = name;
    }

    public Check present() {
      return new Check.Header(name, null);
    }

    public Check equalTo(String value) {
      return new Check.Header(name, value);
    }
  }
}
