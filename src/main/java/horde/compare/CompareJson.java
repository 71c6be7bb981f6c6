package horde.compare;

import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A comparison as JSON (docs/compare.md has the fields): for CI scripts and the REST API. */
public final class CompareJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private CompareJson() {}

  public static String text(Comparison c) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(of(c)) + "\n";
  }

  public static ObjectNode of(Comparison c) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("baseline", c.baseline());
    c.baselineRuns().forEach(root.putArray("baseline_runs")::add);
    root.put("candidate", c.candidate());
    root.put("verdict", c.verdict());
    root.put("failed", c.failed(false));
    Tolerance t = c.tolerance();
    ObjectNode tol = root.putObject("tolerance");
    tol.put("latency_percent", t.latencyPercent());
    tol.put("latency_min_ms", t.latencyMinMs());
    tol.put("error_rate_points", t.errorRatePoints());
    tol.put("throughput_percent", t.throughputPercent());
    tol.put("confidence_percent", t.confidencePercent());
    ObjectNode levels = tol.putObject("levels");
    t.levels().forEach((m, l) -> levels.put(m.key(), l.name().toLowerCase(Locale.ROOT)));
    ArrayNode endpoints = root.putArray("endpoints");
    for (EndpointComparison e : c.endpoints()) endpoint(endpoints.addObject(), e);
    c.notes().forEach(root.putArray("notes")::add);
    return root;
  }

  private static void endpoint(ObjectNode o, EndpointComparison e) {
    o.put("name", e.name());
    o.put("method", e.method());
    o.put("presence", e.presence().name().toLowerCase(Locale.ROOT));
    ArrayNode changes = o.putArray("changes");
    for (Change ch : e.changes()) {
      ObjectNode x = changes.addObject();
      x.put("measure", ch.measure().key());
      x.put("unit", ch.measure().unit());
      number(x, "baseline", ch.baseline());
      number(x, "candidate", ch.candidate());
      number(x, "change", ch.delta());
      number(x, "change_percent", ch.percent());
      number(x, "interval_low", ch.interval().low());
      number(x, "interval_high", ch.interval().high());
      number(x, "tolerance", ch.tolerance());
      x.put("significant", ch.significant());
      x.put("test", ch.test());
      x.put("verdict", ch.verdict().name().toLowerCase(Locale.ROOT));
      x.put("level", ch.level().name().toLowerCase(Locale.ROOT));
      if (ch.note() != null) x.put("note", ch.note());
    }
  }

  /** NaN and infinities have no JSON form: they are written as null. */
  private static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(key);
    else o.put(key, Math.round(v * 1000) / 1000.0);
  }
}
