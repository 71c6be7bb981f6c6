package horde.run;

/** The test could not run: its target was unreachable, or its setup failed. */
public abstract class NotRunException extends Exception {
  protected NotRunException(String message) {
    super(message);
  }
}
