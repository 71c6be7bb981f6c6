package horde.history;

/** The run history could not be read or written; the message says why in plain words. */
public final class HistoryException extends RuntimeException {
  public HistoryException(String message) {
    super(message);
  }

  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
