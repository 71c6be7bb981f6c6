package horde.scenario.yaml;

import horde.scenario.Suggest;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read as a set of known keys. Unknown keys are problems with a did-you-mean; the
 * first of duplicate keys wins (duplicates are reported by {@link Structure}).
 *
 * <pre>{@code
 * Fields f = Fields.of(p, node, "http", "a mapping of HTTP settings", Set.of("gzip", "insecure"));
 * if (f != null && f.has("gzip")) gzip = Values.bool(p, f.get("gzip"), "gzip");
 * }</pre>
 */
final class Fields {
  /** Names people bring from other tools, and what this format calls them. */
  private static final Map<String, String> OTHER_NAMES =
      Map.ofEntries(
          Map.entry("wait_time", "wait"),
          Map.entry("host", "target"),
          Map.entry("base_url", "target"),
          Map.entry("url", "target"),
          Map.entry("duration", "run_time"),
          Map.entry("vus", "users"),
          Map.entry("iterations", "requests"),
          Map.entry("checks", "check"),
          Map.entry("assert", "check"),
          Map.entry("assertions", "check"),
          Map.entry("extract", "save"),
          Map.entry("capture", "save"),
          Map.entry("params", "query"),
          Map.entry("data", "body"),
          Map.entry("payload", "json"),
          Map.entry("sleep", "think"),
          Map.entry("pause", "think"),
          Map.entry("status", "expect_status"),
          Map.entry("target", "users"),
          Map.entry("ramp_up", "spawn_rate"),
          Map.entry("hatch_rate", "spawn_rate"),
          Map.entry("steps", "tasks"),
          Map.entry("interval", "every"),
          Map.entry("while", "until"),
          Map.entry("transaction", "group"),
          Map.entry("repeat", "loop"),
          Map.entry("for_each", "loop"),
          Map.entry("then", "steps"),
          Map.entry("rate", "arrival_rate"),
          Map.entry("max_vus", "max_users"),
          Map.entry("before", "setup"),
          Map.entry("after", "teardown"),
          Map.entry("cache", "cache_hit"),
          Map.entry("cached", "cache_hit"),
          Map.entry("caching", "cache_hit"),
          Map.entry("price", "prices"),
          Map.entry("pricing", "prices"),
          Map.entry("streaming", "stream"),
          Map.entry("usage", "llm"),
          Map.entry("idle", "idle_timeout"));

  private final MappingNode node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private Fields(
      Problems problems,
      MappingNode node,
      String where,
      Set<String> known,
      boolean extensions,
      Set<String> ignored) {
    this.node = node;
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : node.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key) || !seen.add(key.getValue())) continue;
      if (extensions && key.getValue().startsWith("x-")) continue;
      if (ignored.contains(key.getValue()) && !known.contains(key.getValue())) continue;
      if (!known.contains(key.getValue())) {
        problems.add(
            key, "unknown key '" + key.getValue() + "' in " + where + hint(key.getValue(), known));
      } else {
        entries.putIfAbsent(key.getValue(), t);
      }
    }
  }

  /** The mapping's fields, or null after a problem when the node is not a mapping. */
  static Fields of(Problems p, Node node, String label, String what, Set<String> known) {
    return of(p, node, label, what, known, Set.of());
  }

  /**
   * Like {@link #of}, but the {@code ignored} keys that are not known are skipped without a word:
   * another reader reports them (a step's second kind, say).
   */
  static Fields of(
      Problems p, Node node, String label, String what, Set<String> known, Set<String> ignored) {
    if (node instanceof MappingNode m) return new Fields(p, m, what, known, false, ignored);
    Values.expected(p, node, label, what);
    return null;
  }

  /** Like {@link #of}, but keys starting with {@code x-} are free (to hold YAML anchors). */
  static Fields withExtensions(
      Problems p, Node node, String label, String what, Set<String> known) {
    if (node instanceof MappingNode m) return new Fields(p, m, what, known, true, Set.of());
    Values.expected(p, node, label, what);
    return null;
  }

  private static String hint(String typed, Set<String> known) {
    String other = OTHER_NAMES.get(typed.toLowerCase(Locale.ROOT).replace('-', '_'));
    if (other != null && known.contains(other)) return " (did you mean '" + other + "'?)";
    String close = Suggest.didYouMean(typed.replace('-', '_'), known);
    if (!close.isEmpty()) return close;
    return "; expected one of: " + String.join(", ", known.stream().sorted().toList());
  }

  MappingNode node() {
    return node;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The value of {@code key}, or null when it is absent. */
  Node get(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? null : t.getValueNode();
  }

  /** The key node itself, for problems about the key's presence. */
  Node key(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? node : t.getKeyNode();
  }

  /** The known keys present, in YAML order. */
  List<String> keys() {
    return List.copyOf(entries.keySet());
  }

  /** The present keys among {@code candidates}, in YAML order. */
  List<String> present(Set<String> candidates) {
    return entries.keySet().stream().filter(candidates::contains).toList();
  }
}
