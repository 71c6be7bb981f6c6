package horde.importer;

import java.util.Map;
import java.util.function.BinaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Rewrites the strings of a JSON value, leaving its shape, keys and other values as they are. */
final class JsonStrings {
  private JsonStrings() {}

  /**
   * A copy of {@code node} with each string {@code s} replaced by {@code f(field, s)}, where {@code
   * field} is the name of the member holding it (null inside an array or at the top).
   */
  static JsonNode map(JsonNode node, BinaryOperator<String> f) {
    return map(node, null, f);
  }

  private static JsonNode map(JsonNode node, String field, BinaryOperator<String> f) {
    if (node.isString()) return JsonNodeFactory.instance.stringNode(f.apply(field, node.asString()));
    if (node.isObject()) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) o.set(e.getKey(), map(e.getValue(), e.getKey(), f));
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> a.add(map(n, null, f)));
      return a;
    }
    return node;
  }
}
