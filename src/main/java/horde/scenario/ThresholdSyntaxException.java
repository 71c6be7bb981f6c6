package horde.scenario;

/** A threshold expression that does not parse; {@code offset} is 0-based within it. */
public final class ThresholdSyntaxException extends IllegalArgumentException {
  private final int offset;

  public ThresholdSyntaxException(int offset, String message) {
    super(message);
    this.offset = Math.max(0, offset);
  }

  public int offset() {
    return offset;
  }
}
