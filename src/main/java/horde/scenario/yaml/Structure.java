package horde.scenario.yaml;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Checks the whole tree once, before it is read: keys must be names (scalars) and appear once per
 * mapping. Readers then take the first of duplicate keys without saying so again.
 */
final class Structure {
  static final int MAX_DEPTH = 64;

  private final Problems problems;
  private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

  private Structure(Problems problems) {
    this.problems = problems;
  }

  static void check(Problems problems, Node root) {
    new Structure(problems).visit(root, 0);
  }

  private void visit(Node node, int depth) {
    if (!seen.add(node)) return; // an alias of a node already checked (AliasGuard refuses cycles)
    if (depth > MAX_DEPTH) {
      problems.add(node, "the document nests deeper than " + MAX_DEPTH + " levels");
      return;
    }
    if (node instanceof SequenceNode s) {
      for (Node item : s.getValue()) visit(item, depth + 1);
    } else if (node instanceof MappingNode m) {
      Map<String, Node> keys = new HashMap<>();
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode key) {
          Node first = keys.putIfAbsent(key.getValue(), key);
          if (first != null)
            problems.add(
                key,
                "duplicate key '"
                    + key.getValue()
                    + "' (first at line "
                    + problems.at(first).line()
                    + "); each key may appear once");
        } else {
          problems.add(
              t.getKeyNode(), "expected a key name, found " + Nodes.describe(t.getKeyNode()));
        }
        visit(t.getValueNode(), depth + 1);
      }
    }
  }
}
