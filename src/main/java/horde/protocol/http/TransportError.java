package horde.protocol.http;

/** Why an exchange ended without a complete response. */
public enum TransportError {
  TIMEOUT,
  CONNECTION_REFUSED,
  CONNECT_TIMEOUT,
  CONNECTION_RESET,
  CONNECTION_CLOSED,
  TLS,
  BAD_RESPONSE,
  TOO_MANY_REDIRECTS,
  UNKNOWN_HOST,
  /** A stream went silent for longer than its idle timeout. */
  STREAM_STALLED,
  /** This process had no file descriptor left for a new socket (EMFILE, ENFILE): nothing was sent. */
  TOO_MANY_OPEN_FILES,
  /** The answer's body, which a check or save needs whole, passed the size limit ({@code http.max_body}). */
  BODY_TOO_LARGE,
  /** Over HTTP/2, the server reset the request's stream (RST_STREAM); the connection went on. */
  STREAM_RESET,
  /** Over HTTP/2, the server's GOAWAY left the request's stream out (or gave up on it with an error). */
  GOAWAY,
  /** The test stopped while the request was in flight: not a failure of the target. */
  CANCELLED,
  OTHER
}
