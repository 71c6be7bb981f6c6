package horde.scenario.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML tree as a JSON body: unmodifiable insertion-ordered maps, lists, strings, Integer (Long,
 * BigInteger when larger), Double, Boolean and null. Templates in strings must parse.
 */
final class JsonTree {
  private JsonTree() {}

  /** The tree; a part that cannot be JSON is reported and left out. */
  static Object read(Problems p, Node node) {
    return read(p, node, 0);
  }

  private static Object read(Problems p, Node node, int depth) {
    if (depth > Structure.MAX_DEPTH) return null; // reported by Structure
    return switch (node) {
      case MappingNode m -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode key && !map.containsKey(key.getValue()))
            map.put(key.getValue(), read(p, t.getValueNode(), depth + 1));
        }
        yield Collections.unmodifiableMap(map);
      }
      case SequenceNode s -> {
        List<Object> list = new ArrayList<>(s.getValue().size());
        for (Node item : s.getValue()) list.add(read(p, item, depth + 1));
        yield Collections.unmodifiableList(list);
      }
      case ScalarNode s -> scalar(p, s, true);
      default -> null;
    };
  }

  /** A scalar's JSON value; with {@code templates}, a string's templates must parse. */
  static Object scalar(Problems p, ScalarNode s, boolean templates) {
    Tag tag = s.getTag();
    if (tag.equals(Tag.NULL)) return null;
    if (tag.equals(Tag.BOOL)) return s.getValue().equalsIgnoreCase("true");
    if (tag.equals(Tag.INT)) {
      BigInteger n = Nodes.integer(s.getValue());
      if (n == null) {
        p.add(s, "json: '" + s.getValue() + "' is not a whole number");
        return null;
      }
      if (n.bitLength() < 32) return n.intValue();
      return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }
    if (tag.equals(Tag.FLOAT)) {
      Double d = Nodes.decimal(s.getValue());
      if (d == null || d.isNaN() || d.isInfinite()) {
        p.add(s, "json: '" + s.getValue() + "' is not a number JSON can hold (no infinity or NaN)");
        return null;
      }
      return d;
    }
    if (templates) TemplateCheck.check(p, s);
    return s.getValue();
  }
}
