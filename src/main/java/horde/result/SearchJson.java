package horde.result;

import horde.criteria.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/** A capacity search in the result file, both ways: the knee, the verdict and every step tried, in the order run. */
final class SearchJson {
  private SearchJson() {}

  static void write(JsonGenerator g, SearchSummary s) {
    if (s == null) return;
    g.writeObjectPropertyStart("search");
    g.writeStringProperty("kind", s.kind());
    g.writeNumberProperty("from", s.from());
    g.writeNumberProperty("to", s.to());
    if (s.found()) g.writeNumberProperty("knee", s.knee());
    else g.writeNullProperty("knee");
    g.writeStringProperty("first_failed", s.firstFailed());
    g.writeNumberProperty("at_least", s.atLeast());
    g.writeStringProperty("verdict", s.verdict().lower());
    g.writeStringProperty("conclusion", s.conclusion());
    if (!s.steps().isEmpty()) {
      g.writeArrayPropertyStart("steps");
      for (SearchSummary.Step p : s.steps()) step(g, p);
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void step(JsonGenerator g, SearchSummary.Step p) {
    g.writeStartObject();
    g.writeNumberProperty("level", p.level());
    g.writeStringProperty("phase", p.phase());
    g.writeBooleanProperty("passed", p.passed());
    g.writeBooleanProperty("stopped_early", p.stoppedEarly());
    g.writeNumberProperty("seconds", p.seconds());
    g.writeNumberProperty("rps", ResultJson.round(p.rps()));
    number(g, "p50_ms", p.p50());
    number(g, "p95_ms", p.p95());
    number(g, "p99_ms", p.p99());
    number(g, "error_rate", p.errorRate());
    number(g, "ttft_p95_ms", p.ttftP95());
    g.writeNumberProperty("dropped", p.dropped());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String key, double v) {
    if (Double.isNaN(v)) g.writeNullProperty(key);
    else g.writeNumberProperty(key, ResultJson.round(v));
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
