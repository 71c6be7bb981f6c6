package horde.scenario.yaml;

import horde.scenario.Branch.Condition;
import horde.scenario.Branch.Condition.Test;
import horde.scenario.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the condition of an {@code if} step: a variable (declared or saved) and one test.
 *
 * <pre>
 * {var: plan, equals: pro}      {var: plan, in: [pro, team]}
 * {var: token, is: present}     {var: token, is: absent}
 * </pre>
 *
 * Values are compared as text, as written (no templates).
 */
final class Conditions {
  private static final Set<String> TESTS = Set.of("equals", "in", "is");
  private static final List<String> IS = List.of("present", "absent");
  static final String WHAT =
      "a condition like {var: plan, equals: pro}, {var: plan, in: [pro, team]} or {var: token, is:"
          + " present}";

  private Conditions() {}

  static Condition read(Problems p, Node node) {
    Fields f = Fields.of(p, node, "if", WHAT, FlowReader.CONDITION_KEYS);
    if (f == null) return null;
    String variable = null;
    if (!f.has("var")) p.add(node, "if: needs var: the name of the variable to test");
    else variable = variable(p, f.get("var"));
    List<String> tests = f.present(TESTS);
    if (tests.isEmpty()) {
      p.add(node, "if: needs one test: equals: VALUE, in: [VALUES] or is: present (or absent)");
      return null;
    }
    for (String extra : tests.subList(1, tests.size()))
      p.add(
          f.key(extra), "if: " + extra + " cannot go with " + tests.getFirst() + "; use one test");
    String test = tests.getFirst();
    Node value = f.get(test);
    Condition c =
        switch (test) {
          case "equals" -> equals(p, value, variable);
          case "in" -> in(p, value, variable);
          default -> is(p, value, variable);
        };
    return variable == null || tests.size() > 1 ? null : c;
  }

  private static String variable(Problems p, Node node) {
    String name = Values.nonEmpty(p, node, "var", "a variable name");
    if (name == null) return null;
    return Names.variable(p, (ScalarNode) node, "variable")
        ? name
        : null;
  }

  private static Condition equals(Problems p, Node node, String variable) {
    String value = Values.text(p, node, "equals", "a value to compare with (text or a number)");
    return value == null || variable == null
        ? null
        : new Condition(variable, Test.EQUALS, List.of(value));
  }

  private static Condition in(Problems p, Node node, String variable) {
    List<Node> items = Values.list(p, node, "in", "a list of values, like [pro, team]");
    if (items == null) return null;
    if (items.isEmpty()) {
      Values.expected(p, node, "in", "at least one value");
      return null;
    }
    List<String> values = new ArrayList<>();
    for (Node item : items) {
      String v = Values.text(p, item, "in", "a value to compare with (text or a number)");
      if (v != null) values.add(v);
    }
    return values.size() != items.size() || variable == null
        ? null
        : new Condition(variable, Test.IN, values);
  }

  private static Condition is(Problems p, Node node, String variable) {
    String what = "present or absent";
    String text = Values.text(p, node, "is", what);
    if (text == null) return null;
    if (!IS.contains(text)) {
      p.add(
          node,
          "is: expected "
              + what
              + ", found '"
              + text
              + "'"
              + Suggest.didYouMean(text, IS)
              + (text.equals("equals") || text.equals("in")
                  ? "; to compare, write equals: VALUE"
                  : ""));
      return null;
    }
    if (variable == null) return null;
    return new Condition(variable, text.equals("present") ? Test.PRESENT : Test.ABSENT, List.of());
  }
}
