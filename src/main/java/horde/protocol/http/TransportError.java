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
  /** The test stopped while the request was in flight: not a failure of the target. */
  CANCELLED,
  OTHER
}
