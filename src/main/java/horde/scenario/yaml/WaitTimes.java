package horde.scenario.yaml;

import horde.scenario.Durations;
import horde.scenario.WaitTime;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Wait times as written: {@code none}, {@code 2s} (constant), {@code constant 2s}, {@code between
 * 1s and 3s}, {@code pacing 10s}. Think steps take only the constant and {@code between} forms.
 */
final class WaitTimes {
  private static final Pattern FORM =
      Pattern.compile(
          "\\s*(?:(constant|pacing)\\s+(\\S+)|between\\s+(\\S+)\\s+and\\s+(\\S+)|(\\S+))\\s*");
  static final String WAIT =
      "none, a duration like 2s, constant 2s, between 1s and 3s, or pacing 10s";
  static final String THINK = "a duration like 2s, or between 1s and 3s";

  private WaitTimes() {}

  static WaitTime wait(Problems p, Node node, String label) {
    return read(p, node, label, false);
  }

  static WaitTime think(Problems p, Node node, String label) {
    return read(p, node, label, true);
  }

  private static WaitTime read(Problems p, Node node, String label, boolean think) {
    String what = think ? THINK : WAIT;
    if (!Nodes.isValue(node)) {
      Values.expected(p, node, label, what);
      return null;
    }
    ScalarNode s = (ScalarNode) node;
    Matcher m = FORM.matcher(s.getValue());
    if (!m.matches() || (think && m.group(1) != null && m.group(1).equals("pacing"))) {
      Values.expected(p, node, label, what);
      return null;
    }
    if (m.group(5) != null && m.group(5).equals("none")) {
      if (!think) return WaitTime.NONE;
      Values.expected(p, node, label, what);
      return null;
    }
    if (m.group(3) != null) {
      Duration min = duration(p, s, m, 3, label, what);
      Duration max = duration(p, s, m, 4, label, what);
      if (min == null || max == null) return null;
      if (max.compareTo(min) < 0) {
        p.add(
            s,
            m.start(4),
            label
                + ": the longest wait ("
                + m.group(4)
                + ") is shorter than the shortest ("
                + m.group(3)
                + ")");
        return null;
      }
      return new WaitTime.Between(min, max);
    }
    int group = m.group(2) != null ? 2 : 5;
    Duration d = duration(p, s, m, group, label, what);
    if (d == null) return null;
    if (m.group(1) == null || !m.group(1).equals("pacing")) return new WaitTime.Constant(d);
    if (d.isZero()) {
      p.add(s, m.start(2), label + ": pacing needs an interval above 0, like pacing 10s");
      return null;
    }
    return new WaitTime.Pacing(d);
  }

  private static Duration duration(
      Problems p, ScalarNode s, Matcher m, int group, String label, String what) {
    try {
      return Durations.parse(m.group(group));
    } catch (IllegalArgumentException e) {
      p.add(
          s,
          m.start(group),
          label + ": expected " + what + ", found '" + s.getValue().strip() + "'");
      return null;
    }
  }
}
