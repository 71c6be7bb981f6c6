package horde.template;

/** A reference to a name that nothing defines; {@link #name()} is what was written. */
public final class UnknownNameException extends IllegalArgumentException {
  private final int offset;
  private final String name;

  public UnknownNameException(int offset, String name, String message) {
    super(message);
    this.offset = offset;
    this.name = name;
  }

  public int offset() {
    return offset;
  }

  public String name() {
    return name;
  }
}
