package horde.result;

import horde.criteria.TargetSeries;
import horde.stats.RunStats;
import horde.stats.TargetSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The target's metrics in the result file, both ways: the {@code target} section (each endpoint's
 * scrapes and failures, each series' query and statistics over the measured seconds), and each
 * second's values in the intervals ({@code "target": {"queue_depth": 12}}). Values are written as
 * scraped, not rounded: a target's series may be bytes or a Unix time, where six digits are not enough.
 */
final class TargetJson {
  private TargetJson() {}

  static void write(JsonGenerator g, TargetSummary t, RunStats s) {
    if (t == null) return;
    g.writeObjectPropertyStart("target");
    g.writeNumberProperty("every_s", t.everySeconds());
    if (!t.endpoints().isEmpty()) {
      g.writeArrayPropertyStart("endpoints");
      for (TargetSummary.Scraped e : t.endpoints()) {
        g.writeStartObject();
        g.writeStringProperty("url", e.url());
        g.writeNumberProperty("scrapes", e.scrapes());
        g.writeNumberProperty("failures", e.failures());
        g.writeStringProperty("last_error", e.lastError());
        g.writeObjectPropertyStart("series");
        e.series().forEach(g::writeStringProperty);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeObjectPropertyStart("series");
    for (String name : t.series().keySet()) {
      double[] v = TargetSeries.values(s, name);
      g.writeObjectPropertyStart(name);
      g.writeNumberProperty("seconds", v.length);
      for (String stat : List.of("min", "avg", "max", "last", "p50", "p95", "p99")) {
        double value = TargetSeries.stat(v, stat, stat.startsWith("p") ? Double.parseDouble(stat.substring(1)) : Double.NaN);
        if (Double.isNaN(value)) g.writeNullProperty(stat);
        else g.writeNumberProperty(stat, value);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  static TargetSummary read(JsonNode o) {
    if (o.isMissingNode() || o.isNull()) return null;
    List<TargetSummary.Scraped> endpoints = new ArrayList<>();
    for (JsonNode e : o.path("endpoints")) {
      Map<String, String> series = new LinkedHashMap<>();
      e.path("series").properties().forEach(x -> series.put(x.getKey(), x.getValue().asString()));
      JsonNode error = e.path("last_error");
      endpoints.add(new TargetSummary.Scraped(e.path("url").asString(), e.path("scrapes").asLong(), e.path("failures")
          .asLong(), error.isNull() || error.isMissingNode() ? null : error.asString(), series));
    }
    return new TargetSummary(o.path("every_s").asDouble(1), endpoints);
  }

  /** A second's values in the intervals section. */
  static void second(JsonGenerator g, TargetSample t) {
    if (t == null) return;
    g.writeObjectPropertyStart("target");
    // exact, unlike Horde's own figures: a byte count or a clock rounded to six digits is wrong
    t.values().forEach(g::writeNumberProperty);
    g.writeEndObject();
    if (t.failures() > 0) g.writeNumberProperty("target_failures", t.failures());
  }

  static TargetSample second(JsonNode o) {
    if (!o.has("target")) return null;
    Map<String, Double> values = new LinkedHashMap<>();
    o.path("target").properties().forEach(x -> values.put(x.getKey(), x.getValue().asDouble()));
    return new TargetSample(values, o.path("target_failures").asInt(0));
  }
}
