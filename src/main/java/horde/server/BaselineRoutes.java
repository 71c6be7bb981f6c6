package horde.server;

import horde.history.Baseline;
import horde.history.RunHistory;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/baselines}: list, show, create or replace, delete. */
final class BaselineRoutes {
  private final RunHistory history;

  BaselineRoutes(RunHistory history) {
    this.history = history;
  }

  void addTo(Router router) {
    router.add("GET", "/api/baselines", this::list)
        .add("POST", "/api/baselines", r -> set(r, null))
        .add("GET", "/api/baselines/{name}", this::show)
        .add("POST", "/api/baselines/{name}", r -> set(r, name(r)))
        .add("DELETE", "/api/baselines/{name}", this::delete);
  }

  private Response list(Request r) {
    ObjectNode o = Response.MAPPER.createObjectNode();
    ArrayNode all = o.putArray("baselines");
    history.baselines().forEach(b -> all.add(Json.baseline(b)));
    return Response.json(200, o);
  }

  private Response show(Request r) throws ApiError {
    String name = name(r);
    return Response.json(200, Json.baseline(history.baseline(name).orElseThrow(() -> ApiError.notFound("no baseline " + name))));
  }

  /** {@code {"name": "prod-v1", "runs": [40, 41], "description": "..."}}; the path's name wins. Answers 201. */
  private Response set(Request r, String pathName) throws ApiError {
    JsonNode body;
    try {
      body = Response.MAPPER.readTree(r.body());
    } catch (JacksonException e) {
      throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject()) throw ApiError.badRequest("the body must be {\"name\": ..., \"runs\": [ids]}");
    String name = pathName != null ? pathName : check(body.path("name").isString() ? body.path("name").asString() : null);
    if (!body.path("runs").isArray() || body.path("runs").isEmpty()) throw ApiError.badRequest("runs must be a list of run ids");
    List<Long> runs = new ArrayList<>();
    for (JsonNode n : body.path("runs")) {
      if (!n.isIntegralNumber() || n.asLong() < 0) throw ApiError.badRequest("runs must be a list of run ids, not " + Request.clip(n.toString()));
      runs.add(n.asLong());
    }
    String description = body.path("description").isString() ? body.path("description").asString() : "";
    try {
      return Response.json(201, Json.baseline(history.setBaseline(name, runs, description)));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }

  private Response delete(Request r) throws ApiError {
    String name = name(r);
    if (!history.deleteBaseline(name)) throw ApiError.notFound("no baseline " + name);
    return Response.noContent();
  }

  private static String name(Request r) throws ApiError {
    return check(r.path().get("name"));
  }

  static String check(String name) throws ApiError {
    try {
      return Baseline.checkName(name);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }
}
