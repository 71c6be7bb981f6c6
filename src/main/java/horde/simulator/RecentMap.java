package horde.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe map that keeps only its newest {@code limit} entries, so a long soak test cannot
 * grow the simulator's memory without bound. In access order it is an LRU cache instead.
 */
final class RecentMap<V> {
  private final Map<String, V> entries;

  /**
   * @param limit entries kept; the oldest beyond it is dropped
   * @param accessOrder true: a read refreshes an entry (LRU cache); false: insertion order
   */
  RecentMap(int limit, boolean accessOrder) {
    entries =
        new LinkedHashMap<>(16, 0.75f, accessOrder) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > limit;
          }
        };
  }

  synchronized V get(String key) {
    return entries.get(key);
  }

  synchronized void put(String key, V value) {
    entries.put(key, value);
  }

  synchronized int size() {
    return entries.size();
  }
}
