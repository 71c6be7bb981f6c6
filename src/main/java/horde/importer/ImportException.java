package horde.importer;

/** The input cannot be imported; the message says why in the user's terms. */
public final class ImportException extends Exception {
  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
