package horde.importer;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Recorded requests written tersely, for the tests of the passes over drafts. */
final class Calls {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private Calls() {}

  static Call get(String url, Header... headers) {
    return Call.of("GET", url, List.of(headers), Body.NONE, "page");
  }

  static Call post(String url, String json, Header... headers) {
    return Call.of("POST", url, List.of(headers), new Body.Json(JSON.readTree(json)), "page");
  }

  /** The call with a recorded JSON answer. */
  static Call answered(Call c, int status, String json, Header... headers) {
    return c.withResponse(new Response(status, List.of(headers), json, "application/json"));
  }

  static Draft draft(Call... calls) {
    return new Draft("test", "test", null, List.of(calls), List.of());
  }

  static JsonNode json(Call c) {
    return ((Body.Json) c.body()).value();
  }

  static Header header(String name, String value) {
    return new Header(name, value);
  }
}
