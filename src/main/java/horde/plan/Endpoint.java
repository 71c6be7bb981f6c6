package horde.plan;

/**
 * A metric id: requests with the same name and method are counted together. A group's
 * (transaction's) metric has the method {@link #GROUP}; it is never added into request totals.
 */
public record Endpoint(int id, String name, String method) {
  public static final String GROUP = "GROUP";

  public boolean isGroup() {
    return GROUP.equals(method);
  }

  public String label() {
    return method + " " + name;
  }
}
