package horde.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a handler answers: a status, a content type, the body, and any headers of its own.
 *
 * @param type the Content-Type, e.g. {@code application/json}
 */
record Response(int status, String type, byte[] body, Map<String, String> headers) {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  Response {
    headers = Map.copyOf(headers);
  }

  Response(int status, String type, byte[] body) {
    this(status, type, body, Map.of());
  }

  /** The same answer with one more header. */
  Response with(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Response(status, type, body, h);
  }

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
