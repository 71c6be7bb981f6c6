package horde.scenario.yaml;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Passes the parser's events on to the composer, and stops at an alias of a node that is not
 * finished yet: a node that would contain itself. The composer would build such a cycle, and then
 * a merge ({@code x: &r {<<: *r}}) flattens it forever, and readers walking it overflow the stack.
 * No scenario needs one, so it is refused where the alias is written.
 */
final class AliasGuard implements Parser {
  /** An alias inside the node it names. */
  static final class SelfReference extends RuntimeException {
    final Mark at;

    SelfReference(Mark at, String message) {
      super(message, null, false, false);
      this.at = at;
    }
  }

  /** A mapping or sequence being read, and where its next item stands. */
  private static final class Open {
    final boolean mapping;
    final boolean mergeList;
    final Mark start;
    boolean finished;
    boolean atKey = true;
    boolean mergeKey;

    Open(boolean mapping, boolean mergeList, Mark start) {
      this.mapping = mapping;
      this.mergeList = mergeList;
      this.start = start;
    }
  }

  private final Parser parser;
  private final ArrayDeque<Open> open = new ArrayDeque<>();
  /** The latest collection each anchor names (anchors may be defined again; a scalar is done). */
  private final Map<Anchor, Open> anchors = new HashMap<>();

  AliasGuard(Parser parser) {
    this.parser = parser;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event event = parser.next();
    switch (event.getEventId()) {
      case MappingStart, SequenceStart -> start((NodeEvent) event);
      case MappingEnd, SequenceEnd -> {
        Open done = open.pop();
        done.finished = true;
      }
      case Scalar -> {
        item(event);
        ((ScalarEvent) event).getAnchor().ifPresent(anchors::remove);
      }
      case Alias -> alias((AliasEvent) event, item(event));
      default -> {}
    }
    return event;
  }

  private void start(NodeEvent event) {
    boolean merged = item(event);
    boolean mapping = event.getEventId() == Event.ID.MappingStart;
    Open node = new Open(mapping, merged, event.getStartMark().orElse(null));
    open.push(node);
    event.getAnchor().ifPresent(a -> anchors.put(a, node));
  }

  /** Moves the enclosing collection on by one node; true when the node is merged ({@code <<:}). */
  private boolean item(Event event) {
    Open parent = open.peek();
    if (parent == null) return false;
    if (!parent.mapping) return parent.mergeList;
    if (parent.atKey) {
      parent.atKey = false;
      parent.mergeKey = event instanceof ScalarEvent s && s.isPlain() && s.getValue().equals("<<");
      return false;
    }
    parent.atKey = true;
    return parent.mergeKey;
  }

  private void alias(AliasEvent event, boolean merged) {
    Open named = anchors.get(event.getAlias());
    if (named == null || named.finished) return;
    String anchor = event.getAlias().getValue();
    String where = named.start == null ? "" : ", line " + (named.start.getLine() + 1);
    String message =
        merged
            ? "'<<: *" + anchor + "' merges the mapping it is part of (&" + anchor + where
                + ") into itself; merge a mapping defined before this one"
            : "*" + anchor + " names &" + anchor + where
                + ", which contains it: a scenario cannot contain itself";
    throw new SelfReference(event.getStartMark().orElse(null), message);
  }
}
