package horde.dsl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON values as the model holds them, whoever wrote them: unmodifiable insertion-ordered maps and
 * lists, strings, booleans, null, whole numbers as Integer (Long, BigInteger when larger) and other
 * numbers as Double — the same types the YAML loader produces, so the same body is the same model.
 */
final class JsonValues {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonValues() {}

  /** Parses JSON text, e.g. a text block; templates may stand in strings: {@code "${q}"}. */
  static Object parse(String jsonText) {
    try {
      return tree(JSON.readValue(jsonText, Object.class));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("json: not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A tree of maps, lists and scalars, normalised; throws on values JSON cannot hold. */
  static Object tree(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Boolean b -> b;
      case Map<?, ?> m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), tree(v)));
        yield Collections.unmodifiableMap(out);
      }
      case List<?> l -> {
        List<Object> out = new ArrayList<>(l.size());
        for (Object item : l) out.add(tree(item));
        yield Collections.unmodifiableList(out);
      }
      case Object[] array -> tree(List.of(array));
      case Number n -> scalar(n);
      default ->
          throw new IllegalArgumentException(
              "json: a "
                  + value.getClass().getSimpleName()
                  + " is not a JSON value; use maps, lists, strings, numbers, booleans and null");
    };
  }

  /** A number as the YAML loader reads it; a check's expected value too. */
  static Object scalar(Object value) {
    if (!(value instanceof Number n)) return value;
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)
      return whole(BigInteger.valueOf(n.longValue()));
    if (n instanceof BigInteger b) return whole(b);
    double d = n.doubleValue(); // decimals (Float, Double, BigDecimal) as YAML reads 1.5
    if (Double.isNaN(d) || Double.isInfinite(d))
      throw new IllegalArgumentException("json: " + d + " is not a number JSON can hold");
    return d;
  }

  private static Object whole(BigInteger n) {
    if (n.bitLength() < 32) return n.intValue();
    return n.bitLength() < 64 ? (Object) n.longValue() : n;
  }
}
