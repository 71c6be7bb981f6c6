package horde.protocol.http;

import io.netty.buffer.ByteBuf;

/**
 * Receives one exchange's events, on the exchange's event loop, with the client's {@link horde.protocol.NanoClock}
 * stamps taken when the bytes were decoded. Exactly one of {@link #onComplete} and {@link
 * #onFailure} ends each exchange.
 */
public interface ExchangeListener {
  /**
   * The final response's status line and headers arrived (time to first byte). {@code head} is
   * the connection's, valid until this exchange ends.
   */
  void onResponseHead(int status, ResponseHead head, long nanos);

  /** A piece of the (decompressed) body; valid only during the call. */
  void onContent(ByteBuf content, long nanos);

  /** The last byte arrived. Bytes are as on the wire (TLS and compression included). */
  void onComplete(long nanos, long bytesSent, long bytesReceived);

  void onFailure(TransportError error, Throwable cause, long nanos, long bytesSent, long bytesReceived);

  /**
   * The request is being sent again on a fresh connection: the reused one had been closed by the
   * server before any of it was written. The exchange still ends with one {@link #onComplete} or
   * {@link #onFailure}; this only says that a retry happened, so that it can be counted.
   */
  default void onRetry(long nanos) {}
}
