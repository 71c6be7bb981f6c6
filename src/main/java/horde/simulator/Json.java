package horde.simulator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON in and out of the simulator, through one immutable, thread-safe mapper. */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** Parses a request body; throws {@link JacksonException} when it is not JSON. */
  static JsonNode parse(byte[] body) {
    return MAPPER.readTree(body);
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  /** {@code value} as a JSON string literal, quotes included. */
  static String quote(String value) {
    return MAPPER.writeValueAsString(NODES.stringNode(value));
  }

  /** {@code {"error": {"message": ..., "type": ...}}}, the shape OpenAI-style clients expect. */
  static ObjectNode error(String type, String message) {
    ObjectNode root = object();
    root.putObject("error").put("message", message).put("type", type);
    return root;
  }

  /** {@code {"prompt_tokens", "completion_tokens", "total_tokens"}}. */
  static ObjectNode usage(int promptTokens, int completionTokens) {
    return object()
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
  }

  /** The text of a field, or {@code fallback} when it is missing or not a string. */
  static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.get(field);
    return v != null && v.isString() ? v.stringValue() : fallback;
  }
}
