package horde.template;

/**
 * A render that met a variable (or a feeder) with no value and no fallback. Thrown on the request
 * path, so it is made once per reference at bind time and carries no stack trace.
 */
public final class UnsetValueException extends Exception {
  private final boolean variable;

  /** @param variable a user variable is unset (not a feeder without a row) */
  public UnsetValueException(String message, boolean variable) {
    super(message, null, false, false);
    this.variable = variable;
  }

  /** Whether a user variable is unset: most often one a failed request should have saved. */
  public boolean variable() {
    return variable;
  }
}
