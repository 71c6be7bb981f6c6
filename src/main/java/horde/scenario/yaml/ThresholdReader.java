package horde.scenario.yaml;

import horde.scenario.Measured;
import horde.scenario.Suggest;
import horde.scenario.Threshold;
import horde.scenario.ThresholdParser;
import horde.scenario.ThresholdSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code thresholds}: each {@code "p95 < 2s"} or {@code {expr, endpoint, level}}. An endpoint
 * must name a request (its name, or its path when unnamed) or a task.
 */
final class ThresholdReader {
  static final Set<String> KEYS = Set.of("expr", "endpoint", "level");
  private static final String WHAT =
      "a threshold like p95 < 2s, or {expr: p95 < 2s, endpoint: NAME, level: warn}";

  private final Problems p;
  private final Set<String> endpoints;

  ThresholdReader(Problems problems, Set<String> endpoints) {
    this.p = problems;
    this.endpoints = endpoints;
  }

  List<Threshold> read(Node node) {
    List<Threshold> out = new ArrayList<>();
    if (node == null) return out;
    List<Node> items = Values.list(p, node, "thresholds", "a list of thresholds like - p95 < 2s");
    if (items == null) return out;
    for (Node item : items) {
      Threshold t =
          Nodes.isValue(item)
              ? parse((ScalarNode) item, null, Threshold.Level.FAIL, item)
              : detailed(item);
      if (t != null) out.add(t);
    }
    return out;
  }

  private Threshold detailed(Node item) {
    Fields f = Fields.of(p, item, "thresholds", WHAT, KEYS);
    if (f == null) return null;
    if (!f.has("expr")) {
      p.add(item, "a threshold needs expr, like {expr: p95 < 2s}");
      return null;
    }
    Threshold.Level level = f.has("level") ? level(f.get("level")) : Threshold.Level.FAIL;
    String endpoint = f.has("endpoint") ? endpoint(f.get("endpoint")) : null;
    Node expr = f.get("expr");
    if (!Nodes.isValue(expr)) {
      Values.expected(p, expr, "expr", "a threshold like p95 < 2s");
      return null;
    }
    Threshold t =
        parse((ScalarNode) expr, endpoint, level == null ? Threshold.Level.FAIL : level, item);
    return level == null || (f.has("endpoint") && endpoint == null) ? null : t;
  }

  private Threshold parse(ScalarNode expr, String endpoint, Threshold.Level level, Node item) {
    try {
      return ThresholdParser.parse(expr.getValue(), endpoint, level, p.at(item));
    } catch (ThresholdSyntaxException e) {
      p.add(expr, e.offset(), e.getMessage());
      return null;
    }
  }

  private Threshold.Level level(Node node) {
    String text = Values.text(p, node, "level", "fail or warn");
    if (text == null) return null;
    if (text.equals("fail")) return Threshold.Level.FAIL;
    if (text.equals("warn")) return Threshold.Level.WARN;
    p.add(
        node,
        "level: expected fail or warn, found '"
            + text
            + "'"
            + Suggest.didYouMean(text, List.of("fail", "warn")));
    return null;
  }

  String endpoint(Node node) {
    String name = Values.nonEmpty(p, node, "endpoint", "a request or task name");
    if (name == null || endpoints.contains(name)) return name;
    p.add(node, Measured.unknownEndpoint(name, endpoints));
    return null;
  }
}
