package horde.run;

/** The pre-flight check found the target unreachable; no load was sent. */
public final class UnreachableTargetException extends NotRunException {
  public UnreachableTargetException(String message) {
    super(message);
  }
}
