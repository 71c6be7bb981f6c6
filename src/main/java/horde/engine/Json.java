package horde.engine;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small JSON reads for LLM answers: parse leniently, take text and counts, find the prompt. */
final class Json {
  private static final class Mapper {
    static final JsonMapper INSTANCE = JsonMapper.builder().build();
  }

  private Json() {}

  /** The document, or null when it is not JSON. */
  static JsonNode parse(String text) {
    try {
      return Mapper.INSTANCE.readTree(text);
    } catch (JacksonException e) {
      return null;
    }
  }

  static JsonNode parse(byte[] bytes, int length) {
    try {
      return length == 0 ? null : Mapper.INSTANCE.readTree(bytes, 0, length);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** A value's text (strings bare), or null for missing and null. */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return null;
    return node.isValueNode() ? node.asString() : node.toString();
  }

  /** A whole number at the node, else {@code otherwise}. */
  static long count(JsonNode node, long otherwise) {
    return node != null && node.isNumber() ? node.asLong() : otherwise;
  }

  /**
   * The text a prompt's tokens are counted from: the contents of a chat body's {@code messages},
   * its {@code prompt} or {@code input}, else the whole body.
   */
  static String prompt(CharSequence body) {
    if (body == null || body.isEmpty()) return "";
    JsonNode json = parse(body.toString());
    if (json == null || !json.isObject()) return body.toString();
    StringBuilder out = new StringBuilder();
    for (JsonNode m : json.path("messages")) {
      JsonNode c = m.path("content");
      if (c.isString()) out.append(c.asString()).append('\n');
    }
    if (out.isEmpty() && json.path("prompt").isString()) out.append(json.path("prompt").asString());
    if (out.isEmpty() && json.path("input").isString()) out.append(json.path("input").asString());
    return out.isEmpty() ? body.toString() : out.toString();
  }
}
