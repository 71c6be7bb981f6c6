package horde.scenario.yaml;

import horde.template.Binder;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Rules for the names templates refer to: variables, saved values and feeders. */
final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Names() {}

  /**
   * Checks that {@code key} can be used as {@code ${name}}: letters, digits and _, not starting
   * with a digit, and not a built-in. Returns whether it can.
   */
  static boolean variable(Problems p, ScalarNode key, String what) {
    String name = key.getValue();
    if (!NAME.matcher(name).matches()) {
      p.add(
          key,
          what
              + " name '"
              + name
              + "' must be letters, digits and _ (not starting with a digit), so that ${"
              + name
              + "} can use it");
      return false;
    }
    if (Binder.BUILT_INS.contains(name) || name.equals("env")) {
      p.add(
          key,
          what + " name '" + name + "' is taken by the built-in ${" + name + "}; choose another");
      return false;
    }
    return true;
  }
}
