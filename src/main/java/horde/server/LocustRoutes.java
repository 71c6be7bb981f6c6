package horde.server;

import horde.live.ControlRoom;
import horde.live.Form;
import horde.live.LiveTest;
import horde.live.LocustStats;
import horde.report.LocustCsv;
import horde.scenario.InvalidScenarioException;
import horde.stats.EndpointStats;
import horde.stats.RunStats;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Locust's web UI endpoints, with its field names and answers (locust/web.py), so that scripts and
 * exporters written for Locust drive and read Horde: {@code POST /swarm} starts the test (or, while
 * one runs, moves its users to {@code user_count} at {@code spawn_rate} a second), {@code GET /stop},
 * {@code GET /stats/requests}, {@code GET /stats/reset}, {@code GET /stats/requests/csv}, {@code GET
 * /exceptions}.
 */
final class LocustRoutes {
  private final ControlRoom room;

  LocustRoutes(ControlRoom room) {
    this.room = room;
  }

  void addTo(Router router) {
    router.add("POST", "/swarm", this::swarm)
        .add("GET", "/stop", r -> stop())
        .add("GET", "/stats/requests", r -> Response.json(200, LocustStats.of(room.current(), room.stats())))
        .add("GET", "/stats/reset", r -> reset())
        .add("GET", "/stats/requests/csv", r -> csv())
        .add("GET", "/exceptions", r -> exceptions());
  }

  private Response swarm(Request r) throws ApiError {
    Map<String, List<String>> fields = ApiServer.query(new String(r.body(), StandardCharsets.UTF_8));
    String scenario = room.swarmScenario();
    Form form;
    try {
      form = Form.locust(scenario, fields);
    } catch (IllegalArgumentException e) {
      return answer(false, e.getMessage(), "");
    }
    LiveTest t = room.current();
    if (t != null && t.active()) return steer(t, form);
    if (scenario == null) return answer(false, "no scenario: start horde ui with a scenario file, or start one in the UI first", "");
    if (form.users() == null || form.spawnRate() == null) return answer(false, "Missing user_count or spawn_rate from /swarm request", "");
    try {
      t = room.start(form);
    } catch (InvalidScenarioException e) {
      return answer(false, e.getMessage(), form.host() == null ? "" : form.host());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return answer(false, e.getMessage(), form.host() == null ? "" : form.host());
    }
    ObjectNode o = answerNode(true, "Swarming started", t.target());
    if (form.runTime() != null) o.put("run_time", form.runTime());
    return Response.json(200, o);
  }

  /** While a test runs, Locust's swarm changes its users: so here, reached at spawn_rate a second. */
  private Response steer(LiveTest t, Form form) {
    if (t.open()) return answer(false, "this test's load is an arrival rate; steer it in the UI or POST /api/live/steer", t.target());
    if (form.users() == null || form.users() < 0) return answer(false, "Missing user_count or spawn_rate from /swarm request", t.target());
    double rate = form.spawnRate() == null || form.spawnRate() <= 0 ? Double.POSITIVE_INFINITY : form.spawnRate();
    t.run().control().steer(form.users(), rate);
    return answer(true, "Swarming started", t.target());
  }

  private Response stop() {
    LiveTest t = room.current();
    if (t != null && t.active()) t.stop();
    return answer(true, "Test stopped", null);
  }

  private Response reset() {
    LiveTest t = room.current();
    if (t != null && t.active()) t.run().resetStats();
    return Response.text("text/html; charset=utf-8", "ok");
  }

  private Response csv() {
    RunStats s = room.stats();
    String body = s == null ? LocustCsv.stats(new RunStats(0, 0, 0, 0, List.of(), EndpointStats.total(List.of()),
        List.of(), 0, false)) : LocustCsv.stats(s);
    return Response.text("text/csv", body).with("Content-Disposition", "attachment;filename=horde_requests.csv");
  }

  /** Locust lists the errors of the test's own Python code here; a Horde scenario has none (see LocustCsv). */
  private Response exceptions() {
    ObjectNode o = Response.MAPPER.createObjectNode();
    o.putArray("exceptions");
    return Response.json(200, o);
  }

  private static Response answer(boolean success, String message, String host) {
    return Response.json(200, answerNode(success, message, host));
  }

  private static ObjectNode answerNode(boolean success, String message, String host) {
    ObjectNode o = Response.MAPPER.createObjectNode();
    o.put("success", success);
    o.put("message", message);
    if (host != null) o.put("host", host);
    return o;
  }
}
