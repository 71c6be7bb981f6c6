package horde.importer;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values for bodies and parameters, from what an OpenAPI document offers, best first: an example,
 * the first of several examples, the schema's example, default or first enum value, and failing
 * those a value built from the schema — an object of its required properties (all, when none is
 * required), one item for an array, the minimum of a number, {@code false}, a string by format
 * ({@code ${uuid}} for a UUID). Strings are template text.
 */
final class Samples {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 6;

  private Samples() {}

  /** A body for a media type, or null when the document gives nothing to build one from. */
  static JsonNode of(MediaType m) {
    if (m.getExample() != null) return example(m.getExample());
    if (m.getExamples() != null) {
      for (Example e : m.getExamples().values()) if (e.getValue() != null) return example(e.getValue());
    }
    return m.getSchema() == null ? null : of(m.getSchema(), 0);
  }

  /** A parameter's value, or null when it has neither an example nor a schema. */
  static JsonNode of(Parameter p) {
    if (p.getExample() != null) return example(p.getExample());
    if (p.getExamples() != null) {
      for (Example e : p.getExamples().values()) if (e.getValue() != null) return example(e.getValue());
    }
    return p.getSchema() == null ? null : of(p.getSchema(), 0);
  }

  /** Whether the document gives a value for the parameter rather than only its type. */
  static boolean given(Parameter p) {
    Schema<?> s = p.getSchema();
    return p.getExample() != null || p.getExamples() != null
        || s != null && (s.getExample() != null || s.getDefault() != null || s.getEnum() != null && !s.getEnum().isEmpty());
  }

  /**
   * Whether the document shows a value for this body — an example of it, or an example or default
   * of it or one of its properties — rather than only its shape. An optional body is sent only then.
   */
  static boolean documented(MediaType m) {
    if (m.getExample() != null || m.getExamples() != null) return true;
    Schema<?> s = m.getSchema();
    if (s == null) return false;
    if (s.getExample() != null || s.getDefault() != null) return true;
    return s.getProperties() != null
        && s.getProperties().values().stream().anyMatch(p -> p.getExample() != null || p.getDefault() != null);
  }

  static JsonNode of(Schema<?> s, int depth) {
    if (s.getExample() != null) return example(s.getExample());
    if (s.getDefault() != null) return example(s.getDefault());
    if (s.getEnum() != null && !s.getEnum().isEmpty()) return example(s.getEnum().get(0));
    if (s.getAllOf() != null && !s.getAllOf().isEmpty()) return allOf(s.getAllOf(), depth);
    if (s.getOneOf() != null && !s.getOneOf().isEmpty()) return of(s.getOneOf().get(0), depth + 1);
    if (s.getAnyOf() != null && !s.getAnyOf().isEmpty()) return of(s.getAnyOf().get(0), depth + 1);
    return switch (type(s)) {
      case "object" -> object(s, depth);
      case "array" -> array(s, depth);
      case "integer" -> NODES.numberNode(number(s).toBigInteger());
      case "number" -> NODES.numberNode(number(s));
      case "boolean" -> NODES.booleanNode(false);
      case "null" -> NODES.nullNode();
      default -> NODES.stringNode(string(s.getFormat()));
    };
  }

  private static String type(Schema<?> s) {
    if (s.getType() != null) return s.getType();
    if (s.getTypes() != null) for (String t : s.getTypes()) if (!t.equals("null")) return t;
    if (s.getProperties() != null) return "object";
    return s.getItems() != null ? "array" : "string";
  }

  @SuppressWarnings("rawtypes") // swagger-models' own signature: Map<String, Schema>
  private static JsonNode object(Schema<?> s, int depth) {
    ObjectNode o = NODES.objectNode();
    if (depth >= MAX_DEPTH || s.getProperties() == null) return o;
    List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
    for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
      Schema<?> ps = p.getValue();
      boolean documented = ps.getExample() != null || ps.getDefault() != null;
      if (required.isEmpty() || required.contains(p.getKey()) || documented) o.set(p.getKey(), of(ps, depth + 1));
    }
    return o;
  }

  private static JsonNode array(Schema<?> s, int depth) {
    ArrayNode a = NODES.arrayNode();
    if (depth >= MAX_DEPTH || s.getItems() == null) return a;
    int n = s.getMinItems() == null ? 1 : Math.max(1, s.getMinItems());
    for (int i = 0; i < n; i++) a.add(of(s.getItems(), depth + 1));
    return a;
  }

  @SuppressWarnings("rawtypes") // swagger-models' own signature: List<Schema>
  private static JsonNode allOf(List<Schema> parts, int depth) {
    ObjectNode merged = NODES.objectNode();
    for (Schema<?> p : parts) {
      JsonNode v = of(p, depth + 1);
      if (!v.isObject()) return v;
      merged.setAll((ObjectNode) v);
    }
    return merged;
  }

  /** The minimum, or 1 (a count of 0 is often refused), below the maximum. */
  private static BigDecimal number(Schema<?> s) {
    BigDecimal v = s.getMinimum() != null ? s.getMinimum() : BigDecimal.ONE;
    if (s.getExclusiveMinimumValue() != null) v = s.getExclusiveMinimumValue().add(BigDecimal.ONE);
    if (s.getMaximum() != null && v.compareTo(s.getMaximum()) > 0) v = s.getMaximum();
    return v;
  }

  private static String string(String format) {
    if (format == null) return "string";
    return switch (format) {
      case "uuid" -> "${uuid}";
      case "date-time" -> "2025-01-01T00:00:00Z";
      case "date" -> "2025-01-01";
      case "email" -> "user@example.com";
      case "uri", "url" -> "https://example.com/";
      case "byte" -> "c3RyaW5n";
      default -> "string";
    };
  }

  /** A document's example, whatever Java object the parser made of it, as JSON of template text. */
  private static JsonNode example(Object value) {
    String json = Json.pretty(value);
    JsonNode tree = json == null ? NODES.stringNode(String.valueOf(value)) : JSON.readTree(json);
    return JsonStrings.map(tree, (field, text) -> TemplateText.literal(text));
  }
}
