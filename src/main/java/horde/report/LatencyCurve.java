package horde.report;

import horde.stats.EndpointStats;
import horde.stats.RunStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The latency distribution as percentile curves read from the histograms: for the whole run and
 * for the busiest endpoints, then transactions (dashed); in the open model also the whole run timed
 * from each request's actual send (dashed grey) beside the intended start. The x values are {@code
 * 1 / (1 - q)}, drawn on a log scale so that 90%, 99%, 99.9% are evenly spaced and the tail gets
 * room; 20 points per decade.
 */
final class LatencyCurve {
  static final int MAX_ENDPOINTS = 8;
  static final int POINTS_PER_DECADE = 20;
  static final String[] COLORS = {"#2563eb", "#d97706", "#16a34a", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#ea580c"};

  private LatencyCurve() {}

  static ObjectNode of(RunStats s, JsonMapper mapper) {
    ObjectNode out = mapper.createObjectNode();
    List<Double> x = xs(s.total().latency().getTotalCount());
    ArrayNode xa = out.putArray("x");
    x.forEach(xa::add);
    ArrayNode series = out.putArray("series");
    boolean open = s.total().uncorrected() != null;
    add(series.addObject().put("label", open ? "all requests, from the intended start" : "all requests").put("color", "#111827")
        .put("width", 2.5), s.total().latency(), x);
    if (open) {
      add(series.addObject().put("label", "all requests, from the actual send").put("color", "#6b7280").put("width", 2)
          .put("dash", true), s.total().uncorrected(), x);
    }
    List<EndpointStats> busiest = new ArrayList<>(s.endpoints().stream().filter(e -> e.latency().getTotalCount() > 0).toList());
    // Requests first, busiest first; then transactions (groups), which would otherwise crowd out their own requests.
    busiest.sort(Comparator.comparing(EndpointStats::isGroup)
        .thenComparing(Comparator.comparingLong((EndpointStats e) -> e.latency().getTotalCount()).reversed()));
    if (busiest.size() < 2) return out;
    for (int i = 0; i < Math.min(MAX_ENDPOINTS, busiest.size()); i++) {
      EndpointStats e = busiest.get(i);
      ObjectNode one = series.addObject().put("label", e.method() + " " + e.name()).put("color", COLORS[i]);
      if (e.isGroup()) one.put("dash", true);
      add(one, e.latency(), x);
    }
    return out;
  }

  /** From 0% up to the last percentile the count can resolve: 1 - 1/n for n responses. */
  static List<Double> xs(long count) {
    List<Double> out = new ArrayList<>();
    for (int k = 0; ; k++) {
      double x = Math.pow(10, k / (double) POINTS_PER_DECADE);
      if (x > Math.max(1, count) || k > 6 * POINTS_PER_DECADE) break;
      out.add(Math.round(x * 1000) / 1000.0);
    }
    return out;
  }

  private static void add(ObjectNode series, Histogram micros, List<Double> x) {
    ArrayNode values = series.putArray("values");
    long count = micros.getTotalCount();
    double[] percentiles = new double[x.size()];
    for (int i = 0; i < percentiles.length; i++) percentiles[i] = Math.max(1e-9, 100 * (1 - 1 / x.get(i)));
    long[] micro = Percentiles.of(micros, percentiles);
    for (int i = 0; i < percentiles.length; i++) {
      double ms = count == 0 || x.get(i) > count ? 0 : micro[i] / 1000.0;
      if (ms > 0) values.add(ms);
      else values.addNull(); // beyond what the count resolves, or a zero a log scale cannot show
    }
  }
}
