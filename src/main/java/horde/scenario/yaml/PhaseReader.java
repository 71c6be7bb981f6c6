package horde.scenario.yaml;

import horde.scenario.Grade;
import horde.scenario.LoadProfile;
import horde.scenario.Phase;
import horde.scenario.Threshold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code phases}: named runs executed in order, each with its own load, thresholds and grade
 * table — a ladder of 1, 5, 10, 20 and 50 users, say.
 *
 * <pre>
 * phases:
 *   - name: 10 users
 *     load: {users: 10, run_time: 1m}
 *     thresholds: [error_rate &lt; 1%]
 *     grades: [EXCELLENT: avg &lt; 3s, GOOD: avg &lt; 5s, POOR]
 * </pre>
 */
final class PhaseReader {
  static final Set<String> KEYS = Set.of("name", "load", "thresholds", "grades");

  private final Problems p;
  private final ThresholdReader thresholds;
  private final GradeReader grades;

  private final MeasureCheck measures;

  PhaseReader(
      Problems problems, ThresholdReader thresholds, GradeReader grades, MeasureCheck measures) {
    this.p = problems;
    this.thresholds = thresholds;
    this.grades = grades;
    this.measures = measures;
  }

  /** The phases, empty when {@code node} is null; null after a problem. */
  List<Phase> read(Node node) {
    if (node == null) return List.of();
    List<Node> items =
        Values.list(p, node, "phases", "a list of phases, each with a name and a load");
    if (items == null) return null;
    if (items.isEmpty()) Values.expected(p, node, "phases", "at least one phase");
    List<Phase> out = new ArrayList<>();
    Map<String, Node> names = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Phase phase = phase(items.get(i), i, names);
      if (phase != null) out.add(phase);
    }
    return out.size() == items.size() && !out.isEmpty() ? out : null;
  }

  private Phase phase(Node item, int index, Map<String, Node> names) {
    Fields f = Fields.of(p, item, "phases", "a phase: a mapping with name and load", KEYS);
    if (f == null) return null;
    String name = f.has("name") ? name(f.get("name"), names) : "phase" + (index + 1);
    if (!f.has("load"))
      p.add(
          item,
          "phase '"
              + (name == null ? "" : name)
              + "' needs a load, like load: {users: 10, run_time: 1m}");
    LoadReader loads = new LoadReader(p);
    LoadProfile read = f.has("load") ? loads.read(f.get("load")) : null;
    if (loads.search() != null)
      p.add(f.get("load"), "a phase cannot search: a search runs steps of its own; put it in the top-level load instead"
          + " of phases");
    LoadProfile load = loads.search() != null ? null : read;
    List<Threshold> ts = thresholds.read(f.get("thresholds"));
    List<Grade> table = grades.read(f.get("grades"), "grades");
    measures.check(ts, table, load == null || load.isOpen()); // no load: its own problem, said once
    if (name == null || load == null || table == null) return null;
    return p.build(item, () -> new Phase(name, load, ts, table, p.at(item)));
  }

  private String name(Node node, Map<String, Node> names) {
    String name = Values.nonEmpty(p, node, "name", "a phase name");
    Node first = name == null ? null : names.putIfAbsent(name, node);
    if (first != null)
      p.add(
          node,
          "phase '"
              + name
              + "' is already defined at line "
              + p.at(first).line()
              + "; names must differ");
    return name;
  }
}
