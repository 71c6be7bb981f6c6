package horde.importer;

/** A request or response header; in a request, {@code value} is template text. */
public record Header(String name, String value) {
  /** Whether the name is an HTTP token (RFC 9110): what a scenario accepts as a header name. */
  boolean validName() {
    return !name.isEmpty() && name.chars().allMatch(c -> c < 0x7f && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0));
  }

  /** Whether this header is called {@code name}, whatever the case. */
  boolean is(String name) {
    return this.name.equalsIgnoreCase(name);
  }
}
