package horde.scenario.yaml;

import horde.scenario.Branch;
import horde.scenario.Check;
import horde.scenario.Group;
import horde.scenario.Loop;
import horde.scenario.Poll;
import horde.scenario.Request;
import horde.scenario.Step;
import horde.scenario.Suggest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the flow steps: {@code group} (a transaction), {@code poll} (repeat a request until a
 * condition holds), {@code loop} (a count, or a feeder's rows) and {@code if} (on a variable).
 *
 * <pre>{@code
 * - group: checkout                  - poll: {get: /jobs/${id}}      - loop: 3
 *   steps: [...]                       until: {json: {$.done: true}}   steps: [...]
 *                                      every: 2s
 *                                      timeout: 1m                   - if: {var: plan, equals: pro}
 *                                                                      steps: [...]
 *                                                                      else: [...]
 * }</pre>
 */
final class FlowReader {
  static final Set<String> GROUP_KEYS = Set.of("group", "steps");
  static final Set<String> POLL_KEYS = Set.of("poll", "until", "every", "timeout");
  static final Set<String> LOOP_KEYS = Set.of("loop", "steps");
  static final Set<String> LOOP_OVER_KEYS = Set.of("over");
  static final Set<String> IF_KEYS = Set.of("if", "steps", "else");
  static final Set<String> CONDITION_KEYS = Set.of("var", "equals", "in", "is");
  static final Duration DEFAULT_EVERY = Duration.ofSeconds(1);
  static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMinutes(1);
  static final int MAX_LOOP = 1_000_000;

  private final Problems p;
  private final TaskReader tasks;
  private final RequestReader requests;
  private final CheckReader checks;
  private final Set<String> feeders;

  FlowReader(Problems problems, TaskReader tasks, RequestReader requests, Set<String> feeders) {
    this.p = problems;
    this.tasks = tasks;
    this.requests = requests;
    this.checks = new CheckReader(problems);
    this.feeders = feeders;
  }

  Step group(Node item, String label) {
    Fields f = fields(item, label, "a group: {group: NAME, steps: [...]}", GROUP_KEYS);
    if (f == null) return null;
    String name = Values.nonEmpty(p, f.get("group"), "group", "a name for the group's metric");
    if (name != null) tasks.rememberGroup(name);
    List<Step> steps = steps(f, "group", item);
    if (name == null || steps.isEmpty()) return null;
    return p.build(item, () -> new Group(name, steps, p.at(item)));
  }

  Step poll(Node item, String label) {
    Fields f = fields(item, label, "a poll: {poll: REQUEST, until: CHECKS}", POLL_KEYS);
    if (f == null) return null;
    Request request = pollRequest(f.get("poll"));
    List<Check> until = List.of();
    if (!f.has("until")) {
      p.add(
          f.key("poll"),
          "poll needs until: the condition that ends it, like until: {json: {$.status: done}}");
    } else {
      until = checks.checks(f.get("until"), "until");
      if (until.isEmpty() && f.get("until") instanceof MappingNode m && m.getValue().isEmpty())
        Values.expected(p, f.get("until"), "until", "at least one condition");
    }
    Duration every =
        f.has("every") ? Values.duration(p, f.get("every"), "every", true) : DEFAULT_EVERY;
    Duration timeout =
        f.has("timeout")
            ? Values.duration(p, f.get("timeout"), "timeout", false)
            : DEFAULT_POLL_TIMEOUT;
    List<Check> conditions = until;
    if (request == null || conditions.isEmpty() || every == null || timeout == null) return null;
    return p.build(item, () -> new Poll(request, conditions, every, timeout, p.at(item)));
  }

  /** {@code poll: /path} (a GET) or {@code poll: {get: /path, ...}} with any request keys. */
  private Request pollRequest(Node node) {
    if (Nodes.isValue(node)) {
      String path = RequestReader.path(p, node, "poll");
      return path == null ? null : withPosition(Request.of("GET", path), node);
    }
    String what = "a request to repeat, like {get: /jobs/${id}}, or a path";
    Fields f = Fields.of(p, node, "poll", what, RequestReader.keys(Set.of()));
    if (f == null) return null;
    if (f.node() instanceof MappingNode m && RequestReader.isRequest(m)) tasks.rememberRequest(f);
    return requests.read(f); // without a method: reported there
  }

  private Request withPosition(Request r, Node at) {
    return new Request(
        r.method(),
        r.path(),
        r.name(),
        r.headers(),
        r.query(),
        r.body(),
        r.timeout(),
        r.checks(),
        r.expectStatus(),
        r.saves(),
        p.at(at));
  }

  Step loop(Node item, String label) {
    Fields f = fields(item, label, "a loop: {loop: 3, steps: [...]}", LOOP_KEYS);
    if (f == null) return null;
    Node how = f.get("loop");
    int times = 0;
    String feeder = null;
    boolean ok = true;
    if (how instanceof MappingNode) {
      feeder = over(how);
      ok = feeder != null;
    } else if (Nodes.isInt(how)) {
      Integer n = Values.whole(p, how, "loop", 1, MAX_LOOP);
      ok = n != null;
      times = n == null ? 0 : n;
    } else {
      String hint =
          Nodes.isValue(how) && feeders.contains(((ScalarNode) how).getValue())
              ? " (to go over the rows of feeder '"
                  + ((ScalarNode) how).getValue()
                  + "', write loop: {over: "
                  + ((ScalarNode) how).getValue()
                  + "})"
              : "";
      p.add(
          how,
          "loop: expected a count like 3, or {over: FEEDER}, found " + Nodes.describe(how) + hint);
      ok = false;
    }
    List<Step> steps = steps(f, "loop", item);
    if (!ok || steps.isEmpty()) return null;
    int count = times;
    String rows = feeder;
    return p.build(item, () -> new Loop(count, rows, steps, p.at(item)));
  }

  /** {@code {over: FEEDER}}: the name of a declared feeder. */
  private String over(Node node) {
    Fields f = Fields.of(p, node, "loop", "{over: FEEDER}", LOOP_OVER_KEYS);
    if (f == null) return null;
    if (!f.has("over")) {
      p.add(node, "loop: expected {over: FEEDER}, the feeder whose rows to go over");
      return null;
    }
    String name = Values.nonEmpty(p, f.get("over"), "over", "the name of a feeder");
    if (name == null || feeders.contains(name)) return name;
    p.add(
        f.get("over"),
        "over: '"
            + name
            + "' is not a feeder"
            + (feeders.isEmpty()
                ? "; declare it under feeders:"
                : Suggest.didYouMean(name, feeders).isEmpty()
                    ? "; the feeders are: " + String.join(", ", feeders)
                    : Suggest.didYouMean(name, feeders)));
    return null;
  }

  Step branch(Node item, String label) {
    Fields f = fields(item, label, "an if: {if: CONDITION, steps: [...], else: [...]}", IF_KEYS);
    if (f == null) return null;
    Branch.Condition condition = Conditions.read(p, f.get("if"));
    List<Step> then = steps(f, "if", item);
    List<Step> otherwise = f.has("else") ? tasks.steps(f.get("else"), "else", true) : List.of();
    if (condition == null || then.isEmpty() || (f.has("else") && otherwise.isEmpty())) return null;
    return p.build(item, () -> new Branch(condition, then, otherwise, p.at(item)));
  }

  private Fields fields(Node item, String label, String what, Set<String> own) {
    return Fields.of(p, item, label, what, own, TaskReader.KINDS);
  }

  /** The {@code steps} of a flow step: at least one. */
  private List<Step> steps(Fields f, String kind, Node item) {
    if (!f.has("steps")) {
      p.add(f.key(kind), kind + " needs steps: the list of steps it runs");
      return List.of();
    }
    return tasks.steps(f.get("steps"), "steps", true);
  }
}
