package horde.history;

import java.util.Map;

/**
 * Which runs to list, newest first.
 *
 * @param scenario only runs of this scenario name, or null for all
 * @param tags only runs with every one of these tags
 * @param limit at most this many (1..1000)
 * @param offset after skipping this many
 */
public record RunQuery(String scenario, Map<String, String> tags, int limit, int offset) {
  public static final int MAX_LIMIT = 1000;

  public RunQuery {
    tags = Map.copyOf(tags);
    if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must lie between 1 and " + MAX_LIMIT + ": " + limit);
    if (offset < 0) throw new IllegalArgumentException("offset must be 0 or more: " + offset);
  }

  public static RunQuery latest(int limit) {
    return new RunQuery(null, Map.of(), limit, 0);
  }
}
