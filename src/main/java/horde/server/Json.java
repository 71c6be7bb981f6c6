package horde.server;

import horde.history.Baseline;
import horde.history.RunSummary;
import tools.jackson.databind.node.ObjectNode;

/** The API's JSON forms of runs and baselines (docs/rest-api.md). */
final class Json {
  private Json() {}

  static ObjectNode run(RunSummary s) {
    ObjectNode o = Response.MAPPER.createObjectNode();
    o.put("id", s.id());
    o.put("started_at", s.startedAt());
    o.put("scenario", s.scenario());
    o.put("scenario_file", s.scenarioFile());
    o.put("target", s.target());
    ObjectNode tags = o.putObject("tags");
    s.tags().forEach(tags::put);
    o.put("verdict", s.verdict());
    o.put("aborted", s.aborted());
    o.put("requests", s.requests());
    o.put("failures", s.failures());
    o.put("error_rate", round(s.errorRate()));
    o.put("rps", round(s.rps()));
    o.put("p50_ms", s.p50Ms());
    o.put("p95_ms", s.p95Ms());
    o.put("p99_ms", s.p99Ms());
    o.put("measured_s", s.measuredSeconds());
    o.put("host", s.host());
    o.put("horde_version", s.hordeVersion());
    if (s.search() != null) search(o.putObject("search"), s.search());
    return o;
  }

  /** A capacity search: its kind, steps, knee and the lowest failing level above it (null: none). */
  private static void search(ObjectNode o, RunSummary.Search s) {
    o.put("kind", s.kind());
    o.put("steps", s.steps());
    level(o, "knee", s.knee());
    level(o, "first_failed", s.above());
  }

  private static void level(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) o.putNull(key);
    else o.put(key, v);
  }

  static ObjectNode baseline(Baseline b) {
    ObjectNode o = Response.MAPPER.createObjectNode();
    o.put("name", b.name());
    o.put("scenario", b.scenario());
    o.put("description", b.description());
    o.put("created_at", b.createdAt());
    b.runs().forEach(o.putArray("runs")::add);
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
