package horde.scenario.yaml;

import horde.scenario.Durations;
import horde.scenario.Sizes;
import horde.scenario.Suggest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Typed values read from YAML nodes. Each method returns the value, or null after adding a problem
 * worded {@code label: expected <what>, found <what was there>}.
 */
final class Values {
  static final String DURATION = "a duration like 30s";

  private Values() {}

  static void expected(Problems p, Node node, String label, String what) {
    p.add(node, label + ": expected " + what + ", found " + Nodes.describe(node));
  }

  /** Any non-null scalar, as written (numbers and booleans too). */
  static String text(Problems p, Node node, String label, String what) {
    if (Nodes.isValue(node)) return ((ScalarNode) node).getValue();
    expected(p, node, label, what);
    return null;
  }

  /** Like {@link #text} but also non-empty after trimming. */
  static String nonEmpty(Problems p, Node node, String label, String what) {
    String s = text(p, node, label, what);
    if (s != null && s.isBlank()) {
      expected(p, node, label, what);
      return null;
    }
    return s;
  }

  /** Text whose {@code ${...}} templates must parse. */
  static String template(Problems p, Node node, String label, String what) {
    String s = text(p, node, label, what);
    if (s != null) TemplateCheck.check(p, (ScalarNode) node);
    return s;
  }

  static Integer whole(Problems p, Node node, String label, long min, long max) {
    Long n = wholeLong(p, node, label, min, max);
    return n == null ? null : n.intValue();
  }

  static Long wholeLong(Problems p, Node node, String label, long min, long max) {
    BigInteger n = Nodes.isInt(node) ? Nodes.integer(((ScalarNode) node).getValue()) : null;
    if (n == null) {
      expected(p, node, label, "a whole number");
    } else if (n.compareTo(BigInteger.valueOf(min)) < 0
        || n.compareTo(BigInteger.valueOf(max)) > 0) {
      String range = max >= Integer.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max;
      expected(p, node, label, "a whole number " + range);
    } else {
      return n.longValue();
    }
    return null;
  }

  /** A finite number above {@code above}. */
  static Double number(Problems p, Node node, String label, double above) {
    Double d =
        Nodes.isInt(node) || Nodes.isFloat(node)
            ? Nodes.decimal(((ScalarNode) node).getValue())
            : null;
    if (d == null || d.isNaN() || d.isInfinite()) {
      expected(p, node, label, "a number");
    } else if (!(d > above)) {
      expected(
          p,
          node,
          label,
          "a number above "
              + (above == Math.rint(above) ? String.valueOf((long) above) : String.valueOf(above)));
    } else {
      return d;
    }
    return null;
  }

  static Boolean bool(Problems p, Node node, String label) {
    if (Nodes.isBool(node)) return ((ScalarNode) node).getValue().equalsIgnoreCase("true");
    expected(p, node, label, "true or false");
    return null;
  }

  static Duration duration(Problems p, Node node, String label, boolean zeroAllowed) {
    if (!Nodes.isValue(node)) {
      expected(p, node, label, DURATION);
      return null;
    }
    try {
      Duration d = Durations.parse(((ScalarNode) node).getValue());
      if (d.isZero() && !zeroAllowed) {
        expected(p, node, label, "a duration above 0, like 30s");
        return null;
      }
      return d;
    } catch (IllegalArgumentException e) {
      if (e.getMessage().contains("too long")) p.add(node, label + ": " + e.getMessage());
      else expected(p, node, label, DURATION);
      return null;
    }
  }

  /** A size in bytes from 1 to {@code most}: a whole number of bytes, or with a unit (512KB, 10MB). */
  static Integer size(Problems p, Node node, String label, long most) {
    String what = "a size like 512KB or 10MB, from 1 byte to " + Sizes.format(most);
    if (!Nodes.isValue(node)) {
      expected(p, node, label, what);
      return null;
    }
    try {
      long bytes = Sizes.parse(((ScalarNode) node).getValue());
      if (bytes >= 1 && bytes <= most) return (int) bytes;
    } catch (IllegalArgumentException e) {
      // worded below
    }
    expected(p, node, label, what);
    return null;
  }

  /** The items of a list, or null after a problem. */
  static List<Node> list(Problems p, Node node, String label, String what) {
    if (node instanceof SequenceNode s) return s.getValue();
    expected(p, node, label, what);
    return null;
  }

  /** HTTP statuses: one number or a list of them, each from 100 to 599. */
  static Set<Integer> statuses(Problems p, Node node, String label) {
    Set<Integer> out = new LinkedHashSet<>();
    if (node instanceof SequenceNode s) {
      if (s.getValue().isEmpty()) expected(p, node, label, "at least one status");
      for (Node item : s.getValue()) {
        Integer status = whole(p, item, label, 100, 599);
        if (status != null) out.add(status);
      }
    } else if (Nodes.isInt(node)) {
      Integer status = whole(p, node, label, 100, 599);
      if (status != null) out.add(status);
    } else {
      expected(p, node, label, "a status like 200, or a list like [200, 201]");
    }
    return out;
  }

  /**
   * A mapping of names to text values (headers, query, form fields, variables), in YAML order. With
   * {@code templates}, the values' templates must parse.
   */
  static Map<String, String> strings(Problems p, Node node, String label, boolean templates) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!(node instanceof MappingNode m)) {
      expected(p, node, label, "a mapping of names to values");
      return out;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) continue; // reported by Structure
      String what = "a text value for " + key.getValue() + " (quote it if it starts with { or [)";
      String value =
          templates
              ? template(p, t.getValueNode(), label, what)
              : text(p, t.getValueNode(), label, what);
      if (value != null) out.putIfAbsent(key.getValue(), value);
    }
    return out;
  }

  /** One of the {@code allowed} words, as the enum constant of the same name in capitals. */
  static <E extends Enum<E>> E choice(
      Problems p, Node node, String label, List<String> allowed, Class<E> type) {
    String what =
        String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.getLast();
    String text = text(p, node, label, what);
    if (text == null) return null;
    if (allowed.contains(text)) return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    p.add(
        node,
        label
            + ": expected "
            + what
            + ", found '"
            + text
            + "'"
            + Suggest.didYouMean(text, allowed));
    return null;
  }
}
