package horde.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups requests into tasks. A user picks its tasks at random, so a request that uses a value
 * another saved must run in the same task, after it: requests stay with their group (the page, tag
 * or command they came from), and groups linked by a saved value are joined into one task, each
 * group then a {@code group:} step of it, in the order recorded.
 */
final class Tasks {
  /** A task: its name and its groups in order, each a name and requests. */
  record Task(String name, List<Group> groups) {}

  record Group(String name, List<Call> calls) {}

  private Tasks() {}

  static List<Task> of(List<Call> calls) {
    Map<String, List<Call>> groups = new LinkedHashMap<>();
    for (Call c : calls) groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
    List<String> names = new ArrayList<>(groups.keySet());
    int[] parent = new int[names.size()];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
    Map<String, Integer> savedIn = new HashMap<>();
    for (Call c : calls) {
      int g = names.indexOf(c.group());
      for (String used : c.uses()) {
        Integer producer = savedIn.get(used);
        if (producer != null) union(parent, producer, g);
      }
      for (String saved : c.saves().keySet()) savedIn.putIfAbsent(saved, g);
    }
    Map<Integer, List<Group>> tasks = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      tasks.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(new Group(names.get(i), groups.get(names.get(i))));
    }
    List<Task> out = new ArrayList<>();
    for (List<Group> gs : tasks.values()) out.add(new Task(gs.get(0).name(), gs));
    return out;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = root(parent, a);
    int rb = root(parent, b);
    if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) i = parent[i];
    return i;
  }
}
