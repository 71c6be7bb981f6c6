package horde.importer;

/** A request or response header; in a request, {@code value} is template text. */
public record Header(String name, String value) {
  /** Whether this header is called {@code name}, whatever the case. */
  boolean is(String name) {
    return this.name.equalsIgnoreCase(name);
  }
}
