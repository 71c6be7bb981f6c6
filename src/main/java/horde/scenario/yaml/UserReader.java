package horde.scenario.yaml;

import horde.scenario.Step;
import horde.scenario.Task;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads {@code users}, or the top-level {@code tasks} shorthand for a single user class. */
final class UserReader {
  static final Set<String> KEYS = Set.of("name", "weight", "wait", "on_start", "tasks", "on_stop");

  private final Problems p;
  private final TaskReader tasks;

  UserReader(Problems problems, Set<String> feeders) {
    this.p = problems;
    this.tasks = new TaskReader(problems, feeders);
  }

  /** Request names (or paths when unnamed) and task names, for threshold endpoints. */
  Set<String> endpointNames() {
    return tasks.endpointNames();
  }

  /** What the requests read so far track of their answers. */
  AnswerReader answers() {
    return tasks.answers();
  }

  /** A list of at least one step, outside any user class ({@code setup}, {@code teardown}). */
  List<Step> steps(Node node, String label) {
    return tasks.steps(node, label, true);
  }

  /** The user classes of the scenario whose top level is {@code top}. */
  List<UserClass> read(Fields top) {
    if (top.has("users") && top.has("tasks")) {
      p.add(
          top.key("tasks"),
          "write either users (a list of user classes) or tasks (one kind of user), not both");
      return List.of();
    }
    if (top.has("tasks")) {
      List<Task> list = tasks.tasks(top.get("tasks"), "tasks");
      if (list.isEmpty()) return List.of();
      Node at = top.node();
      return List.of(new UserClass("user1", 1, WaitTime.NONE, null, list, null, p.at(at)));
    }
    if (!top.has("users")) {
      p.add(
          top.node(),
          "missing users: a list of user classes, each with tasks (or tasks: for one kind of"
              + " user)");
      return List.of();
    }
    Node node = top.get("users");
    if (Nodes.isInt(node)) {
      String n = ((ScalarNode) node).getValue();
      p.add(
          node,
          "users: expected a list of user classes; for "
              + n
              + " users write load: {users: "
              + n
              + "}");
      return List.of();
    }
    List<Node> items = Values.list(p, node, "users", "a list of user classes, each with tasks");
    if (items == null) return List.of();
    if (items.isEmpty()) Values.expected(p, node, "users", "at least one user class");
    List<UserClass> out = new ArrayList<>();
    Map<String, Node> names = new HashMap<>();
    List<Integer> weights = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      UserClass u = userClass(items.get(i), i, names, weights);
      if (u != null) out.add(u);
    }
    TaskReader.checkWeights(p, node, weights, "users", "user class");
    return out;
  }

  private UserClass userClass(
      Node item, int index, Map<String, Node> names, List<Integer> weights) {
    Fields f = Fields.of(p, item, "users", "a user class: a mapping with tasks", KEYS);
    if (f == null) return null;
    String name = f.has("name") ? name(f.get("name"), names) : "user" + (index + 1);
    Integer weight = TaskReader.weight(p, f, weights);
    WaitTime wait = f.has("wait") ? WaitTimes.wait(p, f.get("wait"), "wait") : WaitTime.NONE;
    List<Step> onStart =
        f.has("on_start") ? tasks.steps(f.get("on_start"), "on_start", false) : null;
    if (!f.has("tasks")) {
      String shown = name == null ? "this user class" : "user class '" + name + "'";
      p.add(item, shown + " has no tasks; add tasks: with at least one request");
    }
    List<Task> list = f.has("tasks") ? tasks.tasks(f.get("tasks"), "tasks") : List.of();
    List<Step> onStop = f.has("on_stop") ? tasks.steps(f.get("on_stop"), "on_stop", false) : null;
    if (name == null || weight == null || wait == null || list.isEmpty()) return null;
    return p.build(
        item, () -> new UserClass(name, weight, wait, onStart, list, onStop, p.at(item)));
  }

  /** A class name, which must differ from the names before it. */
  private String name(Node node, Map<String, Node> names) {
    String name = Values.nonEmpty(p, node, "name", "a name");
    Node first = name == null ? null : names.putIfAbsent(name, node);
    if (first != null) {
      int line = p.at(first).line();
      p.add(
          node,
          "user class '" + name + "' is already defined at line " + line + "; names must differ");
    }
    return name;
  }
}
