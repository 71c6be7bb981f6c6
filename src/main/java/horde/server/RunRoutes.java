package horde.server;

import horde.history.HistoryException;
import horde.history.Page;
import horde.history.RunHistory;
import horde.history.RunQuery;
import horde.history.RunSummary;
import horde.history.StoredRun;
import horde.history.Tags;
import horde.report.HtmlReport;
import horde.report.JunitXml;
import horde.report.LocustCsv;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/runs}: list, show, reports, upload. */
final class RunRoutes {
  private final RunHistory history;

  RunRoutes(RunHistory history) {
    this.history = history;
  }

  void addTo(Router router) {
    router.add("GET", "/api/runs", this::list)
        .add("POST", "/api/runs", this::upload)
        .add("GET", "/api/runs/{id}", this::show)
        .add("GET", "/api/runs/{id}/report.html", r -> Response.text("text/html; charset=utf-8", HtmlReport.of(stored(r).result())))
        .add("GET", "/api/runs/{id}/report.csv", r -> Response.text("text/csv; charset=utf-8", LocustCsv.stats(stored(r).result())))
        .add("GET", "/api/runs/{id}/report.junit.xml", r -> Response.text("application/xml; charset=utf-8",
            JunitXml.of(stored(r).result(), false)));
  }

  private Response list(Request r) throws ApiError {
    int limit = r.number("limit", 50, 1, RunQuery.MAX_LIMIT), offset = r.number("offset", 0, 0, Integer.MAX_VALUE);
    Map<String, String> tags = tags(r);
    Page<RunSummary> page = history.runs(new RunQuery(r.param("scenario"), tags, limit, offset));
    ObjectNode o = Response.MAPPER.createObjectNode();
    o.put("total", page.total());
    o.put("limit", limit);
    o.put("offset", offset);
    ArrayNode runs = o.putArray("runs");
    page.items().forEach(s -> runs.add(Json.run(s)));
    return Response.json(200, o);
  }

  private Response show(Request r) throws ApiError {
    StoredRun run = stored(r);
    ObjectNode o = Json.run(run.summary());
    if (run.scenarioText() == null) o.putNull("scenario_text");
    else o.put("scenario_text", run.scenarioText());
    o.set("result", run.resultTree());
    return Response.json(200, o);
  }

  /** A result file in the body, tags as {@code ?tag=env=ci}; answers 201 with the new run. */
  private Response upload(Request r) throws ApiError {
    Map<String, String> tags = tags(r);
    JsonNode body;
    try {
      body = Response.MAPPER.readTree(r.body());
    } catch (JacksonException e) {
      throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject()) throw ApiError.badRequest("the body must be a Horde result file (a JSON object)");
    long id;
    try {
      id = history.record(body, tags);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    return Response.json(201, Json.run(history.run(id).orElseThrow().summary()));
  }

  private StoredRun stored(Request r) throws ApiError {
    long id = r.id("id");
    return history.run(id).orElseThrow(() -> ApiError.notFound("no run " + id));
  }

  private static Map<String, String> tags(Request r) throws ApiError {
    Map<String, String> tags = new LinkedHashMap<>();
    try {
      for (String t : r.params("tag")) tags.putAll(Tags.parse(List.of(t)));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    return tags;
  }

  static ApiError unavailable(HistoryException e) {
    return new ApiError(503, e.getMessage());
  }
}
