package horde.scenario;

/** One thing wrong with a scenario, with where it is. */
public record Problem(SourcePosition position, String message) {
  @Override
  public String toString() {
    return position + ": " + message;
  }
}
