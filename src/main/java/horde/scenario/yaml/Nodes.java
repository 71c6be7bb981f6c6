package horde.scenario.yaml;

import java.math.BigInteger;
import java.util.Locale;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** What a YAML node is, in the words of error messages, and the values of typed scalars. */
final class Nodes {
  private Nodes() {}

  /** How a node is shown after "found": {@code a list}, {@code nothing}, {@code '30'}. */
  static String describe(Node node) {
    return switch (node) {
      case MappingNode m -> m.getValue().isEmpty() ? "an empty mapping" : "a mapping";
      case SequenceNode s -> s.getValue().isEmpty() ? "an empty list" : "a list";
      case ScalarNode s when isNull(s) -> "nothing";
      case ScalarNode s -> quoted(s);
      default -> "something else";
    };
  }

  private static String quoted(ScalarNode s) {
    String v = s.getValue();
    if (v.length() > 40) v = v.substring(0, 37) + "...";
    v = v.replace("\n", "\\n");
    boolean quoted =
        s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
            || s.getScalarStyle() == ScalarStyle.SINGLE_QUOTED;
    return quoted ? "\"" + v + "\" (quoted text)" : "'" + v + "'";
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  /** A scalar that is not null. */
  static boolean isValue(Node node) {
    return node instanceof ScalarNode && !isNull(node);
  }

  static boolean isInt(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.INT);
  }

  static boolean isFloat(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.FLOAT);
  }

  static boolean isBool(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL);
  }

  /**
   * A YAML 1.2 core-schema integer: decimal with an optional sign, {@code 0x} hex or {@code 0o}
   * octal; null when the text is none of these (an explicit {@code !!int} on other text).
   */
  static BigInteger integer(String text) {
    try {
      if (text.startsWith("0x")) return new BigInteger(text.substring(2), 16);
      if (text.startsWith("0o")) return new BigInteger(text.substring(2), 8);
      return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A YAML 1.2 core-schema float, including {@code .inf} and {@code .nan}; null when not one. */
  static Double decimal(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    switch (t) {
      case ".inf", "+.inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-.inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case ".nan" -> {
        return Double.NaN;
      }
      default -> {}
    }
    if (!t.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)(e[-+]?[0-9]+)?")) return null;
    return Double.parseDouble(t);
  }
}
