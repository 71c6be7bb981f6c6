package horde.scenario.yaml;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Pieces of a JSON Schema (draft-07) as ordered maps, for {@link ScenarioSchema}. */
final class SchemaNodes {
  private SchemaNodes() {}

  /** An ordered mapping of alternating keys and values. */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2)
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return out;
  }

  static Map<String, Object> ref(String definition) {
    return obj("$ref", "#/definitions/" + definition);
  }

  /** The schema with a description, which editors show on hover. */
  static Map<String, Object> doc(String description, Map<String, Object> schema) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("description", description);
    out.putAll(schema);
    return out;
  }

  static Map<String, Object> type(String type) {
    return obj("type", type);
  }

  static Map<String, Object> string(String pattern) {
    return obj("type", "string", "pattern", pattern);
  }

  static Map<String, Object> whole(long min, long max) {
    return obj("type", "integer", "minimum", min, "maximum", max);
  }

  static Map<String, Object> anyOf(Object... schemas) {
    return obj("anyOf", List.of(schemas));
  }

  static Map<String, Object> listOf(Object items, int minItems) {
    return minItems > 0
        ? obj("type", "array", "items", items, "minItems", minItems)
        : obj("type", "array", "items", items);
  }

  static Map<String, Object> oneOfWords(String... words) {
    return obj("type", "string", "enum", List.of(words));
  }

  /** A value the loader reads as text: YAML text, numbers and booleans alike. */
  static Map<String, Object> text() {
    return obj("type", List.of("string", "number", "boolean"));
  }

  /**
   * A mapping with exactly the loader's keys, each described; fails when the two disagree, so the
   * schema cannot drift from what the loader reads.
   */
  static Map<String, Object> mapping(
      String what, Set<String> loaderKeys, Map<String, Object> properties, String... required) {
    if (!new TreeSet<>(loaderKeys).equals(new TreeSet<>(properties.keySet())))
      throw new IllegalStateException(
          "the schema of "
              + what
              + " has keys "
              + new TreeSet<>(properties.keySet())
              + " but the loader reads "
              + new TreeSet<>(loaderKeys));
    Map<String, Object> out = obj("type", "object", "properties", properties);
    if (required.length > 0) out.put("required", Arrays.asList(required));
    out.put("additionalProperties", false);
    return out;
  }

  /** A regular expression matching {@code word} in any letter case. */
  static String anyCase(String word) {
    StringBuilder out = new StringBuilder();
    for (char c : word.toCharArray()) {
      if (Character.isLetter(c))
        out.append('[')
            .append(Character.toLowerCase(c))
            .append(Character.toUpperCase(c))
            .append(']');
      else if (".".indexOf(c) >= 0) out.append('\\').append(c);
      else out.append(c);
    }
    return out.toString();
  }
}
