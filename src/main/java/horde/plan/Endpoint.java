package horde.plan;

/** A metric id: requests with the same name and method are counted together. */
public record Endpoint(int id, String name, String method) {
  public String label() {
    return method + " " + name;
  }
}
