package horde.history;

import java.util.List;

/** Some of the items a query matched, and how many it matched in all. */
public record Page<T>(List<T> items, long total) {
  public Page {
    items = List.copyOf(items);
  }
}
