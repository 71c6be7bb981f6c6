package horde.plan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON values one request's checks and saves name, read from an answer in a single pass over
 * its bytes ({@link Picked#read}) instead of a Jackson tree: the tree, and even a Jackson parser,
 * allocates more per answer than the whole request may (a parser alone is about 670 bytes; see
 * docs/design.md, "Allocation per request"). Compiled once per request, and only when every path
 * is plain ({@code .name}, {@code ['name']}, {@code [0]}): a wildcard, a deep scan or an index
 * from the end keeps the tree.
 *
 * <p>The paths make a trie of {@link Node}s; each path has a slot, and the slots below a node are
 * a contiguous range, so that a member that appears twice can clear what its first value set (a
 * tree keeps the last).
 */
public final class JsonPicks {
  static final int MAX_INDEX = 1023;

  /** A place in the document some path goes through. */
  static final class Node {
    private static final Node[] NONE = new Node[0];
    final byte[][] names;
    final Node[] named;
    /** By element index; shorter than the array when no path goes to its later elements. */
    final Node[] indexed;
    /** The slots of the paths that end here. */
    final int[] ends;
    /** The slots of the paths ending here or below: {@code [from, to)}. */
    final int from;
    final int to;

    private Node(byte[][] names, Node[] named, Node[] indexed, int[] ends, int from, int to) {
      this.names = names;
      this.named = named;
      this.indexed = indexed;
      this.ends = ends;
      this.from = from;
      this.to = to;
    }

    /** The member named by the UTF-8 bytes {@code b[start, end)}, or null. */
    Node member(byte[] b, int start, int end) {
      for (int i = 0; i < names.length; i++) {
        if (Arrays.equals(names[i], 0, names[i].length, b, start, end)) return named[i];
      }
      return null;
    }

    Node element(int index) {
      return index < indexed.length ? indexed[index] : null;
    }

    boolean hasMembers() {
      return names.length > 0;
    }
  }

  /** A node while the paths are added: its slots are given once all are in. */
  private static final class Draft {
    final Map<String, Draft> named = new LinkedHashMap<>();
    final List<Draft> indexed = new ArrayList<>();
    final List<Integer> ends = new ArrayList<>();

    Draft child(JsonPath.Step step) {
      if (step instanceof JsonPath.Field f) return named.computeIfAbsent(f.name(), k -> new Draft());
      int i = ((JsonPath.Index) step).index();
      while (indexed.size() <= i) indexed.add(null);
      if (indexed.get(i) == null) indexed.set(i, new Draft());
      return indexed.get(i);
    }

    /** Numbers the slots depth-first from {@code next[0]}: {@code slots[path] = slot}. */
    Node freeze(int[] slots, boolean[] needs, boolean[] needsBySlot, int[] next) {
      int from = next[0];
      int[] here = new int[ends.size()];
      for (int k = 0; k < here.length; k++) {
        int slot = next[0]++;
        slots[ends.get(k)] = slot;
        needsBySlot[slot] = needs[ends.get(k)];
        here[k] = slot;
      }
      byte[][] names = new byte[named.size()][];
      Node[] members = new Node[named.size()];
      int m = 0;
      for (Map.Entry<String, Draft> e : named.entrySet()) {
        names[m] = e.getKey().getBytes(StandardCharsets.UTF_8);
        members[m++] = e.getValue().freeze(slots, needs, needsBySlot, next);
      }
      Node[] elements = indexed.isEmpty() ? Node.NONE : new Node[indexed.size()];
      for (int i = 0; i < elements.length; i++) {
        Draft d = indexed.get(i);
        elements[i] = d == null ? null : d.freeze(slots, needs, needsBySlot, next);
      }
      return new Node(names, members, elements, here, from, next[0]);
    }
  }

  final Node root;
  final int slots;
  /** By slot: whether something reads the value itself (a save, an equality), not only its presence. */
  final boolean[] needsValue;
  private final int[] slotOf;

  private JsonPicks(Node root, int slots, boolean[] needsValue, int[] slotOf) {
    this.root = root;
    this.slots = slots;
    this.needsValue = needsValue;
    this.slotOf = slotOf;
  }

  /**
   * The picks for these paths, or null when there is none or one that is not plain.
   *
   * @param needsValue by path: whether its value is read (a save, an equality), not only whether it is there
   */
  public static JsonPicks of(List<JsonPath> paths, boolean[] needsValue) {
    if (paths.isEmpty()) return null;
    Draft root = new Draft();
    for (int p = 0; p < paths.size(); p++) {
      if (!paths.get(p).plain(MAX_INDEX)) return null;
      Draft d = root;
      for (JsonPath.Step s : paths.get(p).steps()) d = d.child(s);
      d.ends.add(p);
    }
    int[] slotOf = new int[paths.size()];
    boolean[] bySlot = new boolean[paths.size()];
    Node frozen = root.freeze(slotOf, needsValue, bySlot, new int[1]);
    return new JsonPicks(frozen, paths.size(), bySlot, slotOf);
  }

  /** The slot of the {@code i}-th path given to {@link #of}. */
  public int slot(int i) {
    return slotOf[i];
  }
}
