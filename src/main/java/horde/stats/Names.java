package horde.stats;

import horde.scenario.FailureKind;
import horde.scenario.Measures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the integer ids of a run's snapshots stand for: endpoints by id, failure reasons by id, and
 * the measures by index. Snapshots and slices hold ids; names are needed only to show or write them.
 *
 * @param endpoints by endpoint id
 * @param reasons by reason id (null where an id is unused)
 */
public record Names(List<Endpoint> endpoints, List<Reason> reasons, Measures measures) {
  public static final String GROUP = "GROUP";

  /** An endpoint: requests with the same name and method; a group (transaction) has method GROUP. */
  public record Endpoint(String name, String method) {
    public boolean isGroup() {
      return GROUP.equals(method);
    }

    /** How results key it: {@code "GET /health"}. */
    public String key() {
      return method + " " + name;
    }
  }

  public record Reason(String name, FailureKind kind) {}

  public Names {
    endpoints = List.copyOf(endpoints);
    reasons = Collections.unmodifiableList(new ArrayList<>(reasons)); // unused ids are null
  }

  public Endpoint endpoint(int id) {
    return endpoints.get(id);
  }

  /** The reason of an id, or null when unused. */
  public Reason reason(int id) {
    return id < reasons.size() ? reasons.get(id) : null;
  }
}
