package horde.scenario.yaml;

import horde.scenario.Grade;
import horde.scenario.Threshold;
import horde.scenario.ThresholdParser;
import horde.scenario.ThresholdSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a grade table ({@code grades}): rows tried in order, each a grade and the condition for it;
 * the last row may be a grade alone, given otherwise.
 *
 * <pre>
 * grades:
 *   - EXCELLENT: avg &lt; 3s                          # a grade and a threshold
 *   - GOOD: {expr: p95 &lt; 5s, endpoint: ask}        # on one endpoint
 *   - "ACCEPTABLE: avg &lt; 10s"                      # the same as text
 *   - POOR                                        # otherwise
 * </pre>
 */
final class GradeReader {
  static final Set<String> CONDITION_KEYS = Set.of("expr", "endpoint");
  static final String ROW =
      "a grade row like GOOD: avg < 5s, or a grade alone (the last row), like POOR";

  private final Problems p;
  private final ThresholdReader thresholds;

  GradeReader(Problems problems, ThresholdReader thresholds) {
    this.p = problems;
    this.thresholds = thresholds;
  }

  /** The table, empty when {@code node} is null; null after a problem. */
  List<Grade> read(Node node, String label) {
    if (node == null) return List.of();
    List<Node> items = Values.list(p, node, label, "a list of grade rows like - GOOD: avg < 5s");
    if (items == null) return null;
    if (items.isEmpty()) Values.expected(p, node, label, "at least one grade row");
    List<Grade> out = new ArrayList<>();
    Map<String, Node> names = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      Grade g = row(item, label);
      if (g == null) continue;
      Node first = names.putIfAbsent(g.name(), item);
      if (first != null)
        p.add(
            item,
            label
                + ": grade '"
                + g.name()
                + "' is already a row at line "
                + p.at(first).line()
                + "; each grade appears once");
      if (g.condition() == null && i < items.size() - 1)
        p.add(
            item,
            label
                + ": only the last row may be a grade without a condition (the grade otherwise);"
                + " give '"
                + g.name()
                + "' one, like "
                + g.name()
                + ": avg < 5s");
      out.add(g);
    }
    return out.size() == items.size() ? out : null;
  }

  private Grade row(Node item, String label) {
    if (Nodes.isValue(item)) {
      ScalarNode s = (ScalarNode) item;
      try {
        return Grade.parse(s.getValue(), p.at(item));
      } catch (ThresholdSyntaxException e) {
        p.add(s, e.offset(), label + ": " + e.getMessage());
        return null;
      }
    }
    if (!(item instanceof MappingNode m) || m.getValue().size() != 1) {
      Values.expected(p, item, label, ROW);
      return null;
    }
    NodeTuple t = m.getValue().getFirst();
    String name = Values.nonEmpty(p, t.getKeyNode(), label, "a grade's name");
    if (name != null && name.matches(".*[:<>=].*")) {
      p.add(
          t.getKeyNode(), label + ": '" + name + "' is not a grade's name; names hold no : < > =");
      name = null;
    }
    Node condition = t.getValueNode();
    if (Nodes.isNull(condition)) {
      p.add(
          t.getKeyNode(),
          label
              + ": '"
              + name
              + ":' has no condition; a grade without one is written without the colon: - "
              + name);
      return null;
    }
    Threshold th = condition(condition, item, label);
    return name == null || th == null ? null : new Grade(name, th);
  }

  /** {@code avg < 3s}, or {@code {expr: p95 < 2s, endpoint: ask}}. */
  private Threshold condition(Node node, Node item, String label) {
    if (Nodes.isValue(node)) return parse((ScalarNode) node, null, item, label);
    Fields f =
        Fields.of(
            p,
            node,
            label,
            "a condition like avg < 3s, or {expr: p95 < 2s, endpoint: NAME}",
            CONDITION_KEYS);
    if (f == null) return null;
    if (!f.has("expr")) {
      p.add(node, "a grade's condition needs expr, like {expr: p95 < 2s}");
      return null;
    }
    String endpoint = f.has("endpoint") ? thresholds.endpoint(f.get("endpoint")) : null;
    Node expr = f.get("expr");
    if (!Nodes.isValue(expr)) {
      Values.expected(p, expr, "expr", "a threshold like p95 < 2s");
      return null;
    }
    Threshold t = parse((ScalarNode) expr, endpoint, item, label);
    return f.has("endpoint") && endpoint == null ? null : t;
  }

  private Threshold parse(ScalarNode expr, String endpoint, Node item, String label) {
    try {
      return ThresholdParser.parse(expr.getValue(), endpoint, Threshold.Level.FAIL, p.at(item));
    } catch (ThresholdSyntaxException e) {
      p.add(expr, e.offset(), label + ": " + e.getMessage());
      return null;
    }
  }
}
