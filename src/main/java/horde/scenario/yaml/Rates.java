package horde.scenario.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Arrival rates as written: {@code 50/s}, {@code 300/m}, {@code 10/h}, {@code 0.5/s}, or a bare
 * number of iterations per second ({@code 50}). Read as iterations per second.
 */
final class Rates {
  static final String WHAT = "a rate like 50/s (also /m or /h)";
  private static final Pattern FORM =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*([^\\s]*))?\\s*");

  private Rates() {}

  /** Iterations per second, above 0 unless {@code zeroAllowed}; null after a problem. */
  static Double read(Problems p, Node node, String label, boolean zeroAllowed) {
    if (!Nodes.isValue(node)) {
      Values.expected(p, node, label, WHAT);
      return null;
    }
    ScalarNode s = (ScalarNode) node;
    Matcher m = FORM.matcher(s.getValue());
    if (!m.matches()) {
      Values.expected(p, node, label, WHAT);
      return null;
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    double perSecond;
    if (unit == null) {
      perSecond = n;
    } else {
      double seconds =
          switch (unit) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            default -> 0;
          };
      if (seconds == 0) {
        p.add(
            s,
            m.start(2),
            label
                + ": '"
                + unit
                + "' is not a rate unit; write /s (per second), /m (per minute) or /h (per"
                + " hour), like 50/s");
        return null;
      }
      perSecond = n / seconds;
    }
    if (!Double.isFinite(perSecond) || (perSecond == 0 && !zeroAllowed)) {
      Values.expected(p, node, label, zeroAllowed ? WHAT : "a rate above 0, like 50/s");
      return null;
    }
    return perSecond;
  }
}
