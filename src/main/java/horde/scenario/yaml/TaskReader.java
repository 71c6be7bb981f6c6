package horde.scenario.yaml;

import horde.scenario.UrlCredentials;
import horde.scenario.Request;
import horde.scenario.Step;
import horde.scenario.Task;
import horde.scenario.WaitTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads tasks (a mapping with steps, or one request) and steps (a request, a think time, or a flow:
 * group, poll, loop, if), and remembers every endpoint, group and task name for the thresholds.
 */
final class TaskReader {
  static final Set<String> TASK_KEYS = Set.of("name", "weight", "steps");
  private static final String STEP =
      "a step: a request like get: /path, think, group, poll, loop or if";

  /** The keys that say what kind of step a mapping is; a step has exactly one. */
  static final List<String> FLOW_KINDS = List.of("think", "group", "poll", "loop", "if");

  private static final String NO_STEPS =
      "a task needs steps: (a list of requests and think times), or is one request like get: /path";

  private final Problems p;
  private final RequestReader requests;
  private final FlowReader flows;
  private final Set<String> endpointNames = new LinkedHashSet<>();

  TaskReader(Problems problems, Set<String> feeders) {
    this.p = problems;
    this.requests = new RequestReader(problems, feeders);
    this.flows = new FlowReader(problems, this, requests, feeders);
  }

  /** What the requests read so far track of their answers. */
  AnswerReader answers() {
    return requests.answers();
  }

  /** Request names (or paths when unnamed) and task names seen so far. */
  Set<String> endpointNames() {
    return endpointNames;
  }

  /** A class's tasks; empty after any problem in them. */
  List<Task> tasks(Node node, String label) {
    List<Node> items = Values.list(p, node, label, "a list of tasks");
    if (items == null) return List.of();
    if (items.isEmpty()) Values.expected(p, node, label, "at least one task");
    List<Task> out = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Task t = task(items.get(i), i, weights);
      if (t != null) out.add(t);
    }
    checkWeights(p, node, weights, label, "task");
    return out.size() == items.size() ? out : List.of();
  }

  private Task task(Node item, int index, List<Integer> weights) {
    if (item instanceof MappingNode m && RequestReader.isRequest(m)) {
      Fields f = Fields.of(p, item, "tasks", "a task", RequestReader.keys(Set.of("weight")));
      Integer weight = weight(p, f, weights);
      remember(f, true);
      Request r = requests.read(f);
      if (r == null || weight == null) return null;
      String name = r.name() != null ? r.name() : r.method() + " " + r.endpointName();
      return p.build(item, () -> new Task(name, weight, List.of(r), p.at(item)));
    }
    String what = "a task: a request like get: /path, or a mapping with steps";
    Fields f = Fields.of(p, item, "tasks", what, TASK_KEYS);
    if (f == null) return null;
    Integer weight = weight(p, f, weights);
    String name =
        f.has("name")
            ? Values.nonEmpty(p, f.get("name"), "name", "a task name")
            : "task" + (index + 1);
    if (!f.has("steps")) {
      p.add(item, NO_STEPS);
      return null;
    }
    if (name != null) endpointNames.add(name);
    List<Step> steps = steps(f.get("steps"), "steps", true);
    if (name == null || weight == null || steps.isEmpty()) return null;
    return p.build(item, () -> new Task(name, weight, steps, p.at(item)));
  }

  /** A list of steps; empty after any problem in it. */
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
    List<String> kinds = item instanceof MappingNode m ? kinds(m) : List.of();
    String kind = kinds.isEmpty() ? "" : kinds.getFirst();
    boolean request = RequestReader.METHOD_KEYS.contains(kind);
    for (String extra : kinds.size() > 1 ? kinds.subList(1, kinds.size()) : List.<String>of()) {
      if (request && RequestReader.METHOD_KEYS.contains(extra)) continue; // the request says so
      p.add(
          keyNode((MappingNode) item, extra),
          "a step is one thing (a request, think, group, poll, loop or if); this one already is "
              + (request ? "a request" : kind));
    }
    if (request) {
      Fields f = Fields.of(p, item, label, STEP, RequestReader.keys(Set.of()), KINDS);
      remember(f, false);
      return requests.read(f);
    }
    return switch (kind) {
      case "group" -> flows.group(item, label);
      case "poll" -> flows.poll(item, label);
      case "loop" -> flows.loop(item, label);
      case "if" -> flows.branch(item, label);
      default -> think(item, label);
    };
  }

  private Step think(Node item, String label) {
    Fields f = Fields.of(p, item, label, STEP, RequestReader.keys(Set.of("think")), KINDS);
    if (f == null) return null;
    if (!f.has("think")) {
      String methods = String.join(", ", RequestReader.METHOD_KEYS);
      p.add(
          item,
          "a step needs a method (" + methods + ") with a path, or think, group, poll, loop or if");
      return null;
    }
    for (String other : f.keys()) {
      if (!other.equals("think") && !KINDS.contains(other))
        p.add(
            f.key(other), "a think step takes no other keys; '" + other + "' belongs to a request");
    }
    WaitTime wait = WaitTimes.think(p, f.get("think"), "think");
    return wait == null ? null : new Step.Think(wait, p.at(item));
  }

  /** The keys that say what kind of step a mapping is: the methods and the flow kinds. */
  static final Set<String> KINDS =
      Stream.concat(RequestReader.METHOD_KEYS.stream(), FLOW_KINDS.stream())
          .collect(Collectors.toUnmodifiableSet());

  /** The step-kind keys of a mapping (methods, think, group, poll, loop, if), in YAML order. */
  private static List<String> kinds(MappingNode m) {
    List<String> out = new ArrayList<>();
    for (var t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k
          && (RequestReader.METHOD_KEYS.contains(k.getValue()) || FLOW_KINDS.contains(k.getValue()))
          && !out.contains(k.getValue())) out.add(k.getValue());
    }
    return out;
  }

  private static Node keyNode(MappingNode m, String key) {
    for (var t : m.getValue())
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return k;
    return m;
  }

  /** Remembers a group's name, which thresholds may name like an endpoint. */
  void rememberGroup(String name) {
    endpointNames.add(name);
  }

  /** Remembers the endpoint of a request inside a poll. */
  void rememberRequest(Fields f) {
    remember(f, false);
  }

  /**
   * Notes a request's endpoint name as written, before the request is checked, so that a problem in
   * the request does not also make thresholds on it fail to find it.
   */
  private void remember(Fields f, boolean task) {
    List<String> methods = f.present(Set.copyOf(RequestReader.METHOD_KEYS));
    Node path = methods.isEmpty() ? null : f.get(methods.getFirst());
    String pathText = Nodes.isValue(path) ? UrlCredentials.hidden(((ScalarNode) path).getValue().strip()) : null;
    String name = Nodes.isValue(f.get("name")) ? ((ScalarNode) f.get("name")).getValue() : null;
    if (name != null) endpointNames.add(name);
    else if (pathText != null) endpointNames.add(pathText);
    if (task && name == null && pathText != null)
      endpointNames.add(methods.getFirst().toUpperCase(Locale.ROOT) + " " + pathText);
  }

  /** The {@code weight} key (default 1), also added to {@code weights} for the list's check. */
  static Integer weight(Problems p, Fields f, List<Integer> weights) {
    Integer w =
        f.has("weight")
            ? Values.whole(p, f.get("weight"), "weight", 0, 1_000_000)
            : Integer.valueOf(1);
    weights.add(w == null ? 1 : w);
    return w;
  }

  /** At least one weight of a list must be above 0. */
  static void checkWeights(
      Problems p, Node list, List<Integer> weights, String label, String what) {
    if (!weights.isEmpty() && weights.stream().allMatch(w -> w == 0))
      p.add(list, label + ": every " + what + " has weight 0; at least one needs a weight above 0");
  }
}
