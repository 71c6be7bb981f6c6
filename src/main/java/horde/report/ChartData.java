package horde.report;

import horde.criteria.Finding;
import horde.result.PhaseResult;
import horde.result.RunResult;
import horde.stats.TimelinePoint;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data the report's charts draw, as one JSON document embedded in the page: the timeline's
 * columns, the chart definitions, the warm-up bands, phase boundaries, markers for findings, and the
 * latency curve.
 */
final class ChartData {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String WARNING_COLOR = "#b45309";

  private ChartData() {}

  static ObjectNode of(RunResult r, List<TimeCharts.Chart> charts) {
    return of(r, charts, List.of());
  }

  static ObjectNode of(RunResult r, List<TimeCharts.Chart> charts, List<EndpointCharts.Chart> endpoints) {
    ObjectNode root = MAPPER.createObjectNode();
    List<TimelinePoint> points = r.stats().timeline();
    ArrayNode t = root.putArray("t");
    for (TimelinePoint p : points) t.add(p.t());
    ObjectNode series = root.putObject("series");
    ArrayNode defs = root.putArray("charts");
    for (TimeCharts.Chart c : charts) {
      ObjectNode def = defs.addObject();
      def.put("id", c.id());
      def.put("unit", c.unit());
      ArrayNode list = def.putArray("series");
      for (TimeCharts.Series s : c.series()) {
        list.addObject().put("key", s.key()).put("label", s.label()).put("color", s.color()).put("fill", s.fill())
            .put("dash", s.dash());
        column(series.putArray(s.key()), points, s.reading());
      }
    }
    served(r, defs, series);
    for (EndpointCharts.Chart c : endpoints) {
      ObjectNode def = defs.addObject();
      def.put("id", c.id());
      def.put("unit", c.unit());
      ArrayNode list = def.putArray("series");
      for (EndpointCharts.Column col : c.series()) {
        list.addObject().put("key", col.key()).put("label", col.label()).put("color", col.color()).put("fill", false)
            .put("dash", col.dash());
        ArrayNode values = series.putArray(col.key());
        for (double v : col.values()) {
          if (Double.isNaN(v) || Double.isInfinite(v)) values.addNull();
          else values.add(Math.round(v * 1000) / 1000.0);
        }
      }
    }
    bands(root.putArray("bands"), r);
    ArrayNode phases = root.putArray("phases");
    for (PhaseResult p : r.phases()) phases.addObject().put("t", p.startSeconds()).put("label", p.name());
    ArrayNode markers = root.putArray("markers");
    for (Finding f : r.findings()) {
      if (!f.hasTime()) continue;
      String color = f.level() == Finding.Level.WARNING ? WARNING_COLOR : "#1d4ed8";
      markers.addObject().put("t", f.atSeconds()).put("label", f.kind().replace('_', ' ')).put("color", color);
    }
    root.set("distribution", LatencyCurve.of(r.stats(), MAPPER));
    root.set("bars", LatencyBars.of(r.stats(), MAPPER));
    ObjectNode search = SearchChart.data(r, MAPPER);
    if (search != null) root.set("search", search);
    return root;
  }

  /** When some answers were refusals (400 and above), the response-time chart adds the served answers' p95. */
  private static void served(RunResult r, ArrayNode defs, ObjectNode series) {
    double[] p95 = ServedLatency.p95(r);
    if (p95 == null) return;
    for (var def : defs) {
      if (!def.path("id").asString().equals("latency")) continue;
      ((ObjectNode) def).withArray("series").addObject().put("key", "p95_served").put("label", "p95 served (< 400)")
          .put("color", "#0369a1").put("fill", false).put("dash", true);
      ArrayNode values = series.putArray("p95_served");
      for (double v : p95) {
        if (Double.isNaN(v)) values.addNull();
        else values.add(Math.round(v * 1000) / 1000.0);
      }
    }
  }

  /** The warm-up: of the run, or of each phase that has one (where that phase starts). */
  private static void bands(ArrayNode bands, RunResult r) {
    if (r.phases().isEmpty()) {
      if (r.stats().warmupSeconds() > 0) bands.addObject().put("from", 0).put("to", r.stats().warmupSeconds()).put("label", "warm-up");
      return;
    }
    for (PhaseResult p : r.phases()) {
      double warmup = p.stats().warmupSeconds();
      if (warmup > 0) bands.addObject().put("from", p.startSeconds()).put("to", p.startSeconds() + warmup).put("label", "warm-up");
    }
  }

  private static void column(ArrayNode out, List<TimelinePoint> points, TimeCharts.Reading reading) {
    for (int i = 0; i < points.size(); i++) {
      double seconds = Math.max(1e-3, points.get(i).t() - (i == 0 ? 0 : points.get(i - 1).t()));
      double v = reading.of(points.get(i), seconds);
      if (Double.isNaN(v) || Double.isInfinite(v)) out.addNull();
      else out.add(Math.round(v * 1000) / 1000.0);
    }
  }

  /**
   * The JSON as it can sit inside a {@code <script>} element: every {@code <} escaped, so no text
   * from the result (an endpoint name, an error message) can close the element.
   */
  static String embeddable(ObjectNode json) {
    return MAPPER.writeValueAsString(json).replace("<", "\\u003c");
  }
}
