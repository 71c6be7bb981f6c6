package horde.scenario.yaml;

import horde.scenario.Request;
import horde.scenario.Step;
import horde.scenario.Task;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code users} (or the top-level {@code tasks} shorthand for one user class), their tasks
 * and steps, and remembers every endpoint and task name for the thresholds.
 */
final class UserReader {
  private static final Set<String> USER_KEYS =
      Set.of("name", "weight", "wait", "on_start", "tasks", "on_stop");
  private static final Set<String> TASK_KEYS = Set.of("name", "weight", "steps");
  private static final Set<String> THINK_KEYS = Set.of("think");

  private final Problems p;
  private final RequestReader requests;
  private final Set<String> endpointNames = new LinkedHashSet<>();

  UserReader(Problems problems, Set<String> feeders) {
    this.p = problems;
    this.requests = new RequestReader(problems, feeders);
  }

  /** Request names (or paths when unnamed) and task names seen, for threshold endpoints. */
  Set<String> endpointNames() {
    return endpointNames;
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
      List<Task> tasks = tasks(top.get("tasks"), "tasks");
      return tasks.isEmpty()
          ? List.of()
          : List.of(
              new UserClass(
                  "user1", 1, WaitTime.NONE, List.of(), tasks, List.of(), p.at(top.node())));
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
      p.add(
          node,
          "users: expected a list of user classes; to set how many users run, write load: {users: "
              + ((ScalarNode) node).getValue()
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
    checkWeights(node, weights, "users", "user class");
    return out;
  }

  private UserClass userClass(
      Node item, int index, Map<String, Node> names, List<Integer> weights) {
    Fields f = Fields.of(p, item, "users", "a user class: a mapping with tasks", USER_KEYS);
    if (f == null) return null;
    String name = "user" + (index + 1);
    if (f.has("name")) {
      name = Values.nonEmpty(p, f.get("name"), "name", "a name");
      Node first = name == null ? null : names.putIfAbsent(name, f.get("name"));
      if (first != null)
        p.add(
            f.get("name"),
            "user class '"
                + name
                + "' is already defined at line "
                + p.at(first).line()
                + "; names must differ");
    }
    Integer weight = weight(f, weights);
    WaitTime wait = f.has("wait") ? WaitTimes.wait(p, f.get("wait"), "wait") : WaitTime.NONE;
    List<Step> onStart =
        f.has("on_start") ? steps(f.get("on_start"), "on_start", false) : List.of();
    List<Task> tasks = List.of();
    if (f.has("tasks")) tasks = tasks(f.get("tasks"), "tasks");
    else
      p.add(
          item,
          "user class '"
              + (name == null ? "" : name)
              + "' has no tasks; add tasks: with at least one request");
    List<Step> onStop = f.has("on_stop") ? steps(f.get("on_stop"), "on_stop", false) : List.of();
    if (name == null || weight == null || wait == null || tasks.isEmpty()) return null;
    return new UserClass(name, weight, wait, onStart, tasks, onStop, p.at(item));
  }

  private Integer weight(Fields f, List<Integer> weights) {
    Integer w =
        f.has("weight")
            ? Values.whole(p, f.get("weight"), "weight", 0, 1_000_000)
            : Integer.valueOf(1);
    weights.add(w == null ? 1 : w);
    return w;
  }

  private void checkWeights(Node list, List<Integer> weights, String label, String what) {
    if (!weights.isEmpty() && weights.stream().allMatch(w -> w == 0))
      p.add(list, label + ": every " + what + " has weight 0; at least one needs a weight above 0");
  }

  private List<Task> tasks(Node node, String label) {
    List<Node> items = Values.list(p, node, label, "a list of tasks");
    if (items == null) return List.of();
    if (items.isEmpty()) Values.expected(p, node, label, "at least one task");
    List<Task> out = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Task t = task(items.get(i), i, weights);
      if (t != null) out.add(t);
    }
    checkWeights(node, weights, label, "task");
    return out.size() == items.size() ? out : List.of();
  }

  private Task task(Node item, int index, List<Integer> weights) {
    if (item instanceof MappingNode m && RequestReader.isRequest(m)) {
      Fields f = Fields.of(p, item, "tasks", "a task", RequestReader.keys(Set.of("weight")));
      Integer weight = weight(f, weights);
      remember(f, true);
      Request r = requests.read(f);
      if (r == null || weight == null) return null;
      String name = r.name() != null ? r.name() : r.method() + " " + r.path();
      return new Task(name, weight, List.of(r), p.at(item));
    }
    Fields f =
        Fields.of(
            p,
            item,
            "tasks",
            "a task: a request like get: /path, or a mapping with steps",
            TASK_KEYS);
    if (f == null) return null;
    Integer weight = weight(f, weights);
    String name =
        f.has("name")
            ? Values.nonEmpty(p, f.get("name"), "name", "a task name")
            : "task" + (index + 1);
    if (!f.has("steps")) {
      p.add(
          item,
          "a task needs steps: (a list of requests and think times), or is one request like get:"
              + " /path");
      return null;
    }
    if (name != null) endpointNames.add(name);
    List<Step> steps = steps(f.get("steps"), "steps", true);
    if (name == null || weight == null || steps.isEmpty()) return null;
    return new Task(name, weight, steps, p.at(item));
  }

  /** A list of steps; null-free, and empty after any problem in it. */
  List<Step> steps(Node node, String label, boolean required) {
    List<Node> items = Values.list(p, node, label, "a list of steps (requests and think times)");
    if (items == null) return List.of();
    if (required && items.isEmpty()) Values.expected(p, node, label, "at least one step");
    List<Step> out = new ArrayList<>();
    for (Node item : items) {
      Step s = step(item, label);
      if (s != null) out.add(s);
    }
    return out.size() == items.size() ? out : List.of();
  }

  private Step step(Node item, String label) {
    String what = "a step: a request like get: /path, or think: 2s";
    if (item instanceof MappingNode m && RequestReader.isRequest(m)) {
      Fields f = Fields.of(p, item, label, what, RequestReader.keys(Set.of()));
      remember(f, false);
      return requests.read(f);
    }
    Fields f = Fields.of(p, item, label, what, union(THINK_KEYS, RequestReader.keys(Set.of())));
    if (f == null) return null;
    if (!f.has("think")) {
      p.add(
          item,
          "a step needs a method ("
              + String.join(", ", RequestReader.METHOD_KEYS)
              + ") with a path, or think: 2s");
      return null;
    }
    for (String other : f.keys())
      if (!other.equals("think"))
        p.add(
            f.key(other), "a think step takes no other keys; '" + other + "' belongs to a request");
    WaitTime wait = WaitTimes.think(p, f.get("think"), "think");
    return wait == null ? null : new Step.Think(wait, p.at(item));
  }

  /**
   * Notes the endpoint name of a request as written, before it is checked, so that a problem in the
   * request does not also make thresholds on it fail to find it.
   */
  private void remember(Fields f, boolean task) {
    List<String> methods = f.present(Set.copyOf(RequestReader.METHOD_KEYS));
    Node path = methods.isEmpty() ? null : f.get(methods.getFirst());
    String pathText = Nodes.isValue(path) ? ((ScalarNode) path).getValue().strip() : null;
    String name = Nodes.isValue(f.get("name")) ? ((ScalarNode) f.get("name")).getValue() : null;
    if (name != null) endpointNames.add(name);
    else if (pathText != null) endpointNames.add(pathText);
    if (task && name == null && pathText != null)
      endpointNames.add(methods.getFirst().toUpperCase(java.util.Locale.ROOT) + " " + pathText);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }
}
