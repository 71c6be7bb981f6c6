package horde.scenario.yaml;

import horde.scenario.Problem;
import horde.scenario.SourcePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The problems found in one scenario file. Readers add what they find and go on, so the author sees
 * every problem at once; a node read twice (through a YAML alias) is reported once.
 */
final class Problems {
  private final Source source;
  private final Set<Problem> found = new LinkedHashSet<>();

  Problems(Source source) {
    this.source = source;
  }

  Source source() {
    return source;
  }

  SourcePosition at(Node node) {
    return source.at(node);
  }

  void add(Node node, String message) {
    add(source.at(node), message);
  }

  /** A problem at {@code offset} (in chars) inside the scalar's value. */
  void add(ScalarNode node, int offset, String message) {
    add(source.inScalar(node, offset), message);
  }

  void add(SourcePosition position, String message) {
    found.add(new Problem(position, message));
  }

  /**
   * Builds a model record, turning the record's own validation failure into a problem at {@code at}
   * (null then). The readers check everything first, so this only matters when a record learns a
   * rule the loader does not know yet.
   */
  <T> T build(Node at, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      add(at, e.getMessage() == null ? "not valid here" : e.getMessage());
      return null;
    }
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** In file order. */
  List<Problem> list() {
    List<Problem> out = new ArrayList<>(found);
    out.sort(
        Comparator.comparingInt((Problem p) -> p.position().line())
            .thenComparingInt(p -> p.position().column()));
    return out;
  }
}
