package horde.result;

import horde.criteria.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A capacity search in the result file, both ways: the knee, the verdict and every step tried, in the order run. */
final class SearchJson {
  private SearchJson() {}

  static void write(ObjectNode root, SearchSummary s) {
    if (s == null) return;
    ObjectNode o = root.putObject("search");
    o.put("kind", s.kind());
    o.put("from", s.from());
    o.put("to", s.to());
    if (s.found()) o.put("knee", s.knee());
    else o.putNull("knee");
    if (s.firstFailed() == null) o.putNull("first_failed");
    else o.put("first_failed", s.firstFailed());
    o.put("at_least", s.atLeast());
    o.put("verdict", s.verdict().lower());
    o.put("conclusion", s.conclusion());
    for (SearchSummary.Step p : s.steps()) {
      ObjectNode x = o.withArray("steps").addObject();
      x.put("level", p.level());
      x.put("phase", p.phase());
      x.put("passed", p.passed());
      x.put("stopped_early", p.stoppedEarly());
      x.put("seconds", p.seconds());
      x.put("rps", ResultJson.round(p.rps()));
      number(x, "p50_ms", p.p50());
      number(x, "p95_ms", p.p95());
      number(x, "p99_ms", p.p99());
      number(x, "error_rate", p.errorRate());
      number(x, "ttft_p95_ms", p.ttftP95());
      x.put("dropped", p.dropped());
    }
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) o.putNull(key);
    else o.put(key, ResultJson.round(v));
  }

  static SearchSummary read(JsonNode o) {
    if (o.isMissingNode() || o.isNull()) return null;
    List<SearchSummary.Step> steps = new ArrayList<>();
    for (JsonNode x : o.path("steps")) {
      steps.add(new SearchSummary.Step(x.path("level").asDouble(), x.path("phase").asString(), x.path("passed").asBoolean(),
          x.path("stopped_early").asBoolean(), x.path("seconds").asDouble(), x.path("rps").asDouble(), nan(x, "p50_ms"),
          nan(x, "p95_ms"), nan(x, "p99_ms"), nan(x, "error_rate"), nan(x, "ttft_p95_ms"), x.path("dropped").asLong()));
    }
    return new SearchSummary(o.path("kind").asString(), o.path("from").asDouble(), o.path("to").asDouble(), steps,
        nan(o, "knee"), o.path("first_failed").isNull() ? null : o.path("first_failed").asString(null),
        o.path("at_least").asDouble(), Verdict.valueOf(o.path("verdict").asString("pass").toUpperCase(Locale.ROOT)),
        o.path("conclusion").asString(""));
  }

  private static double nan(JsonNode o, String key) {
    return o.path(key).isNumber() ? o.path(key).asDouble() : Double.NaN;
  }
}
