package horde.scenario.yaml;

import horde.scenario.Extract;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a request's {@code save}: {@code name: $.path} or {@code name: {json|header|regex|cookie: ...}},
 * each saving a value from the response into the user's variables.
 */
final class SaveReader {
  static final Set<String> KEYS = Set.of("json", "header", "regex", "cookie");

  private final Problems p;
  private final Set<String> feeders;

  SaveReader(Problems problems, Set<String> feeders) {
    this.p = problems;
    this.feeders = feeders;
  }

  /** The saves in YAML order: {@code var: $.path} or {@code var: {json|header|regex: ...}}. */
  List<Extract> saves(Node node) {
    List<Extract> out = new ArrayList<>();
    if (!(node instanceof MappingNode m)) {
      Values.expected(
          p,
          node,
          "save",
          "a mapping of variable names to what to save, like {conversation_id: $.id}");
      return out;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) continue;
      boolean named = Names.variable(p, key, "saved variable");
      if (named && feeders.contains(key.getValue()))
        p.add(
            key,
            "saved variable '" + key.getValue() + "' has the name of a feeder; rename one of them");
      Extract e = extract(key, t.getValueNode());
      if (named && e != null) out.add(e);
    }
    return out;
  }

  private Extract extract(ScalarNode key, Node node) {
    String what = "a JSONPath like $.id, or {header: NAME}, {regex: PATTERN}, {cookie: NAME} or {json: PATH}";
    if (Nodes.isValue(node)) {
      String text = ((ScalarNode) node).getValue();
      if (!text.startsWith("$")) {
        Values.expected(p, node, "save." + key.getValue(), what);
        return null;
      }
      return CheckReader.jsonPath(p, (ScalarNode) node, "save." + key.getValue())
          ? new Extract(key.getValue(), Extract.Source.JSON, text, p.at(key))
          : null;
    }
    Fields f = Fields.of(p, node, "save." + key.getValue(), what, KEYS);
    if (f == null) return null;
    List<String> kinds = f.keys();
    if (kinds.size() != 1) {
      p.add(
          f.node(),
          "save."
              + key.getValue()
              + ": expected exactly one of json, header, regex or cookie, found "
              + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
      return null;
    }
    String kind = kinds.getFirst();
    Node value = f.get(kind);
    String label = "save." + key.getValue() + "." + kind;
    String text =
        Values.nonEmpty(
            p,
            value,
            label,
            switch (kind) {
              case "json" -> CheckReader.JSON_PATH_EXAMPLE;
              case "header" -> "a header name";
              case "cookie" -> "a cookie name";
              default -> "a regular expression";
            });
    if (text == null) return null;
    return switch (kind) {
      case "json" ->
          CheckReader.jsonPath(p, (ScalarNode) value, label)
              ? new Extract(key.getValue(), Extract.Source.JSON, text, p.at(key))
              : null;
      case "header" -> new Extract(key.getValue(), Extract.Source.HEADER, text, p.at(key));
      case "cookie" -> new Extract(key.getValue(), Extract.Source.COOKIE, text.strip(), p.at(key));
      default ->
          regex((ScalarNode) value, label)
              ? new Extract(key.getValue(), Extract.Source.REGEX, text, p.at(key))
              : null;
    };
  }

  private boolean regex(ScalarNode node, String label) {
    try {
      Pattern.compile(node.getValue());
      return true;
    } catch (PatternSyntaxException e) {
      p.add(
          node,
          Math.max(0, e.getIndex()),
          label + ": not a valid regular expression: " + e.getDescription());
      return false;
    }
  }
}
