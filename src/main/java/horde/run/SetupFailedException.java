package horde.run;

/** The setup steps failed: the test did not run. */
public final class SetupFailedException extends NotRunException {
  public SetupFailedException(String message) {
    super(message);
  }
}
