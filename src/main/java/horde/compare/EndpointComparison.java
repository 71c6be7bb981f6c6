package horde.compare;

import java.util.List;

/**
 * One endpoint (or group, or all requests together) compared.
 *
 * @param method the HTTP method, {@code GROUP} for a transaction, empty for all requests
 * @param changes one per judged measure; empty unless {@code presence} is {@link Presence#BOTH}
 */
public record EndpointComparison(String name, String method, Presence presence, List<Change> changes) {
  public EndpointComparison {
    changes = List.copyOf(changes);
  }

  /** {@code GET /api/x}, or the name alone for all requests. */
  public String label() {
    return method.isEmpty() ? name : method + " " + name;
  }
}
