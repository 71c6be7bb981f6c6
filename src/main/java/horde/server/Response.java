package horde.server;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a handler answers: a status, a content type and the body.
 *
 * @param type the Content-Type, e.g. {@code application/json}
 */
record Response(int status, String type, byte[] body) {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  static Response json(int status, JsonNode body) {
    return new Response(status, "application/json", MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
  }

  static Response text(String type, String body) {
    return new Response(200, type, body.getBytes(StandardCharsets.UTF_8));
  }

  static Response noContent() {
    return new Response(204, null, new byte[0]);
  }

  static Response error(int status, String message) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("error", message);
    o.put("status", status);
    return json(status, o);
  }
}
