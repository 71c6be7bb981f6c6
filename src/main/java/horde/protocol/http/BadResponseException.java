package horde.protocol.http;

/** What came back is not an HTTP/1.1 response this client can read: the request fails as a bad response. */
public final class BadResponseException extends Exception {
  public BadResponseException(String message) {
    super(message);
  }
}
