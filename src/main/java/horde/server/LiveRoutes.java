package horde.server;

import horde.engine.LoadControl;
import horde.live.ControlRoom;
import horde.live.Form;
import horde.live.LiveJson;
import horde.live.LiveTest;
import horde.report.HtmlReport;
import horde.report.JunitXml;
import horde.report.LocustCsv;
import horde.result.ResultJson;
import horde.result.RunResult;
import horde.scenario.InvalidScenarioException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/live}: the web UI's test — scenarios, check, start, steer, pause, stop, reset, its figures and reports. */
final class LiveRoutes {
  private final ControlRoom room;

  LiveRoutes(ControlRoom room) {
    this.room = room;
  }

  void addTo(Router router) {
    router.add("GET", "/api/live", r -> Response.json(200, frame()))
        .add("GET", "/api/live/series", r -> series(r))
        .add("GET", "/api/live/scenarios", r -> scenarios())
        .add("POST", "/api/live/check", r -> Response.json(200, room.check(form(r))))
        .add("POST", "/api/live/upload", this::upload)
        .add("POST", "/api/live/start", this::start)
        .add("POST", "/api/live/steer", this::steer)
        .add("POST", "/api/live/pause", r -> control(r, c -> c.pause()))
        .add("POST", "/api/live/resume", r -> control(r, c -> c.resume()))
        .add("POST", "/api/live/stop", r -> test(t -> t.stop()))
        .add("POST", "/api/live/reset", r -> test(t -> t.run().resetStats()))
        .add("GET", "/api/live/report.html", r -> download(HtmlReport.of(result()), "text/html", "html"))
        .add("GET", "/api/live/result.json", r -> download(ResultJson.text(result()), "application/json", "json"))
        .add("GET", "/api/live/report.csv", r -> download(LocustCsv.stats(result()), "text/csv", "csv"))
        .add("GET", "/api/live/report.junit.xml", r -> download(JunitXml.of(result(), false), "application/xml", "junit.xml"));
  }

  private ObjectNode frame() {
    LiveTest t = room.current();
    return LiveJson.frame(t, t == null || t.result() != null ? null : t.run().soFar());
  }

  private Response series(Request r) throws ApiError {
    LiveTest t = room.current();
    if (t == null) throw ApiError.notFound("no test yet");
    return Response.json(200, LiveJson.series(t.series(), r.number("from", 0, 0, Integer.MAX_VALUE)));
  }

  private Response scenarios() {
    ObjectNode o = LiveJson.MAPPER.createObjectNode();
    room.scenarios().list().forEach(o.putArray("scenarios")::add);
    if (room.defaultScenario() != null) o.put("default", room.defaultScenario());
    o.put("root", room.scenarios().root().toString());
    return Response.json(200, o);
  }

  /** Body: the scenario's text; {@code ?name=chat.yaml}. Answers the check of the uploaded scenario. */
  private Response upload(Request r) throws ApiError {
    String name = room.scenarios().upload(r.param("name"), new String(r.body(), StandardCharsets.UTF_8));
    ObjectNode o = room.check(new Form(name, "scenario", null, null, null, null, null, List.of()));
    o.put("name", name);
    return Response.json(200, o);
  }

  private Response start(Request r) throws ApiError {
    try {
      room.start(form(r));
    } catch (IllegalStateException e) {
      throw new ApiError(409, e.getMessage());
    } catch (InvalidScenarioException e) {
      return Response.json(400, room.check(form(r)));
    }
    return Response.json(201, frame());
  }

  /** {@code {"users": 200}} or {@code {"rate": 50}}, with {@code "ramp"} a second (default: at once). */
  private Response steer(Request r) throws ApiError {
    JsonNode body = json(r);
    LiveTest t = steerable();
    String key = t.open() ? "rate" : "users";
    if (!body.path(key).isNumber())
      throw ApiError.badRequest("this test's load is " + (t.open() ? "an arrival rate: give {\"rate\": N}" : "users: give {\"users\": N}"));
    double ramp = body.path("ramp").isNumber() ? body.path("ramp").asDouble() : Double.POSITIVE_INFINITY;
    t.run().control().steer(body.path(key).asDouble(), ramp);
    return Response.json(200, frame());
  }

  private Response control(Request r, Consumer<LoadControl> action) throws ApiError {
    action.accept(steerable().run().control());
    return Response.json(200, frame());
  }

  private LiveTest steerable() throws ApiError {
    LiveTest t = running();
    if (!t.run().steerable())
      throw new ApiError(409, "a run across a cluster is not steered: its workers follow the scenario's load (stop and reset work)");
    return t;
  }

  private Response test(Consumer<LiveTest> action) throws ApiError {
    action.accept(running());
    return Response.json(200, frame());
  }

  private LiveTest running() throws ApiError {
    LiveTest t = room.current();
    if (t == null || !t.active()) throw new ApiError(409, "no test is running");
    return t;
  }

  private RunResult result() throws ApiError {
    LiveTest t = room.current();
    if (t == null || t.result() == null) throw new ApiError(409, "no finished test yet: its reports come when it is over");
    return t.result();
  }

  private Response download(String body, String type, String extension) throws ApiError {
    String scenario = room.current().scenario();
    String file = scenario.substring(scenario.lastIndexOf('/') + 1); // the file's name, not the folders it is in
    String name = "horde-" + file.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("\\.ya?ml$", "") + "." + extension;
    return Response.text(type + "; charset=utf-8", body).with("Content-Disposition", "attachment; filename=\"" + name + "\"");
  }

  static Form form(Request r) throws ApiError {
    JsonNode b = json(r);
    List<String> classes = new ArrayList<>();
    b.path("user_classes").forEach(n -> classes.add(n.asString()));
    try {
      return new Form(text(b, "scenario"), text(b, "mode"), b.path("users").isNumber() ? b.path("users").asInt() : null,
          b.path("spawn_rate").isNumber() ? b.path("spawn_rate").asDouble() : null,
          b.path("rate").isNumber() ? b.path("rate").asDouble() : null, text(b, "run_time"), text(b, "host"), classes);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }

  private static String text(JsonNode b, String key) {
    return b.path(key).isString() ? b.path(key).asString() : null;
  }

  private static JsonNode json(Request r) throws ApiError {
    try {
      JsonNode b = Response.MAPPER.readTree(r.body());
      if (b == null || !b.isObject()) throw ApiError.badRequest("the body must be a JSON object");
      return b;
    } catch (JacksonException e) {
      throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage());
    }
  }
}
