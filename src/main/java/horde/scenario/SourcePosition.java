package horde.scenario;

/**
 * Where a model element came from, for error messages: {@code file:line:column}, 1-based.
 *
 * <p>Elements built by the Java API have {@link #UNKNOWN}.
 */
public record SourcePosition(String file, int line, int column) {
  public static final SourcePosition UNKNOWN = new SourcePosition("", 0, 0);

  public boolean known() {
    return line > 0;
  }

  @Override
  public String toString() {
    if (!known()) return file.isEmpty() ? "<api>" : file;
    return file + ":" + line + ":" + column;
  }
}
