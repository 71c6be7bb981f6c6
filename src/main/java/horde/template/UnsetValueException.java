package horde.template;

/**
 * A render that met a variable with no value and no fallback. Thrown on the request path, so it
 * is made once per reference at bind time and carries no stack trace.
 */
public final class UnsetValueException extends Exception {
  public UnsetValueException(String message) {
    super(message, null, false, false);
  }
}
