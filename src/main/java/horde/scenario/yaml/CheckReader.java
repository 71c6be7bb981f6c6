package horde.scenario.yaml;

import horde.scenario.Check;
import horde.scenario.JsonExpectation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a request's {@code check} mapping, and a poll's {@code until} (the same keys). A JSON check
 * takes {@code present}, {@code absent}, a value to equal, or a list of values of which the field
 * must equal one: {@code $.status: [completed, failed]}.
 */
final class CheckReader {
  static final Set<String> CHECK_KEYS =
      Set.of("status", "json", "body_contains", "header", "max_latency");

  /** {@code $}, then {@code .name}, {@code ..name}, {@code .*} or {@code [...]} parts. */
  private static final Pattern JSON_PATH =
      Pattern.compile("\\$((\\.\\.?[^.\\[\\]\\s]+)|(\\[[^\\]]+\\]))*");

  static final String JSON_PATH_EXAMPLE = "a JSONPath like $.choices[0].message.content";

  private final Problems p;

  CheckReader(Problems problems) {
    this.p = problems;
  }

  /** The checks in YAML order. */
  List<Check> checks(Node node) {
    return checks(node, "check");
  }

  /** The checks in YAML order; {@code label} ({@code check} or {@code until}) starts messages. */
  List<Check> checks(Node node, String label) {
    List<Check> out = new ArrayList<>();
    Fields f =
        Fields.of(
            p,
            node,
            label,
            "a mapping of checks: status, json, body_contains, header, max_latency",
            CHECK_KEYS);
    if (f == null) return out;
    for (String key : f.keys()) {
      Node value = f.get(key);
      switch (key) {
        case "status" -> {
          Set<Integer> statuses = Values.statuses(p, value, "status");
          if (!statuses.isEmpty()) out.add(new Check.Status(statuses));
        }
        case "json" -> json(value, label + ".json", out);
        case "body_contains" -> {
          List<Node> items = value instanceof SequenceNode s ? s.getValue() : List.of(value);
          for (Node item : items) {
            String text = Values.text(p, item, "body_contains", "text, or a list of texts");
            if (text != null) out.add(new Check.BodyContains(text));
          }
        }
        case "header" -> header(value, label + ".header", out);
        default -> {
          Duration max = Values.duration(p, value, "max_latency", false);
          if (max != null) out.add(new Check.MaxLatency(max));
        }
      }
    }
    return out;
  }

  void json(Node node, String label, List<Check> out) {
    if (!(node instanceof MappingNode m)) {
      Values.expected(
          p,
          node,
          label,
          "a mapping of JSONPaths to present, absent or a value, like {$.id: present}");
      return;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key) || !jsonPath(p, key, label)) continue;
      JsonExpectation expect = expectation(t.getValueNode(), label);
      if (expect != null) out.add(new Check.JsonField(key.getValue(), expect));
    }
  }

  private JsonExpectation expectation(Node node, String label) {
    if (node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN) {
      if (s.getValue().equals("present")) return new JsonExpectation.Present();
      if (s.getValue().equals("absent")) return new JsonExpectation.Absent();
    }
    if (node instanceof SequenceNode list) return oneOf(list, label);
    Object value = scalar(node);
    if (value != null) return new JsonExpectation.EqualTo(value);
    Values.expected(
        p,
        node,
        label,
        "present, absent, a text, number or boolean to equal, or a list of them (one of)");
    return null;
  }

  /** {@code [completed, failed]}: the value equals one of these. */
  private JsonExpectation oneOf(SequenceNode list, String label) {
    if (list.getValue().isEmpty()) {
      Values.expected(p, list, label, "at least one value to equal");
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (Node item : list.getValue()) {
      Object value = scalar(item);
      if (value == null)
        Values.expected(p, item, label, "a text, number or boolean to equal (one of the list)");
      else values.add(value);
    }
    return values.size() == list.getValue().size() ? new JsonExpectation.OneOf(values) : null;
  }

  /** A text, number or boolean as JSON would hold it; null for anything else. */
  private Object scalar(Node node) {
    Object value = Nodes.isValue(node) ? JsonTree.scalar(p, (ScalarNode) node, false) : null;
    return value instanceof String || value instanceof Number || value instanceof Boolean
        ? value
        : null;
  }

  private void header(Node node, String label, List<Check> out) {
    if (!(node instanceof MappingNode m)) {
      Values.expected(p, node, label, "a mapping of header names to present or a value");
      return;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) continue;
      Node v = t.getValueNode();
      String value = Values.text(p, v, label, "present, or the value the header must have");
      if (value == null) continue;
      boolean present =
          value.equals("present") && ((ScalarNode) v).getScalarStyle() == ScalarStyle.PLAIN;
      out.add(new Check.Header(key.getValue(), present ? null : value));
    }
  }

  /** Whether the scalar is a JSONPath; a problem when it is not. */
  static boolean jsonPath(Problems p, ScalarNode node, String label) {
    if (JSON_PATH.matcher(node.getValue()).matches()) return true;
    Values.expected(p, node, label, JSON_PATH_EXAMPLE);
    return false;
  }
}
