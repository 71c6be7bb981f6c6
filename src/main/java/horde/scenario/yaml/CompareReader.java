package horde.scenario.yaml;

import horde.scenario.CompareSettings;
import horde.scenario.Suggest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the top-level {@code compare} section: how {@code horde compare} judges this scenario's
 * runs (docs/compare.md).
 *
 * <pre>{@code
 * compare:
 *   tolerance: {latency: 5%, latency_min: 5ms, error_rate: 0.5%, throughput: 5%}
 *   confidence: 99%
 *   levels: {p99: warn, throughput: off}
 * }</pre>
 */
final class CompareReader {
  static final Set<String> KEYS = Set.of("tolerance", "confidence", "levels");
  static final Set<String> TOLERANCE_KEYS = Set.of("latency", "latency_min", "error_rate", "throughput");
  static final List<String> LEVELS = List.of("fail", "warn", "off");

  private final Problems p;

  CompareReader(Problems problems) {
    this.p = problems;
  }

  /** The settings, null without a section or after a problem. */
  CompareSettings read(Node node) {
    if (node == null) return null;
    Fields f = Fields.of(p, node, "compare", "a mapping with tolerance, confidence and levels", KEYS);
    if (f == null) return null;
    Double latency = null, errorRate = null, throughput = null, confidence = null;
    Duration min = null;
    boolean ok = true;
    if (f.has("tolerance")) {
      Fields t = Fields.of(p, f.get("tolerance"), "compare.tolerance", "a mapping with latency, latency_min, error_rate and"
          + " throughput", TOLERANCE_KEYS);
      if (t == null) return null;
      if (t.has("latency")) ok &= (latency = percent(t.get("latency"), "compare.tolerance.latency", 1000)) != null;
      if (t.has("latency_min")) ok &= (min = Values.duration(p, t.get("latency_min"), "compare.tolerance.latency_min", true)) != null;
      if (t.has("error_rate")) ok &= (errorRate = percent(t.get("error_rate"), "compare.tolerance.error_rate", 100)) != null;
      if (t.has("throughput")) ok &= (throughput = percent(t.get("throughput"), "compare.tolerance.throughput", 1000)) != null;
    }
    if (f.has("confidence")) {
      confidence = percent(f.get("confidence"), "compare.confidence", 100);
      if (confidence != null && !(confidence > 50 && confidence < 100)) {
        p.add(f.get("confidence"), "compare.confidence: expected a percentage above 50% and below 100%, like 95%");
        confidence = null;
      }
      ok &= confidence != null;
    }
    Map<String, CompareSettings.Level> levels = f.has("levels") ? levels(f.get("levels")) : Map.of();
    if (!ok || levels == null) return null;
    CompareSettings s = new CompareSettings(latency, min, errorRate, throughput, confidence, levels);
    return s;
  }

  /** {@code 5%} or {@code 5} as 5.0, from 0 to {@code max}. */
  private Double percent(Node node, String label, double max) {
    String what = "a percentage like 5%";
    if (node instanceof ScalarNode s) {
      String t = s.getValue().strip();
      if (t.endsWith("%")) t = t.substring(0, t.length() - 1).strip();
      Double d = Nodes.decimal(t);
      if (d != null && d >= 0 && d <= max) return d;
    }
    Values.expected(p, node, label, what);
    return null;
  }

  private Map<String, CompareSettings.Level> levels(Node node) {
    if (!(node instanceof MappingNode m)) {
      Values.expected(p, node, "compare.levels", "a mapping of measures to fail, warn or off, like {p99: warn}");
      return null;
    }
    Map<String, CompareSettings.Level> out = new LinkedHashMap<>();
    boolean ok = true;
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) continue; // reported by Structure
      if (!CompareSettings.MEASURES.contains(key.getValue())) {
        p.add(key, "compare.levels: unknown measure '" + key.getValue() + "'"
            + Suggest.didYouMean(key.getValue(), CompareSettings.MEASURES) + "; measures: "
            + String.join(", ", CompareSettings.MEASURES));
        ok = false;
        continue;
      }
      CompareSettings.Level level = Values.choice(p, t.getValueNode(), "compare.levels." + key.getValue(), LEVELS,
          CompareSettings.Level.class);
      if (level == null) ok = false;
      else out.put(key.getValue(), level);
    }
    return ok ? out : null;
  }
}
