package horde.protocol.ws;

import horde.protocol.http.TransportError;
import io.netty.buffer.ByteBuf;

/**
 * Receives one socket's events on its event loop, stamped with the client's clock. A connect ends
 * in exactly one of {@link #onOpen} and {@link #onFailure}; an open socket ends in {@link #onClose}
 * unless the user closed or dropped it.
 */
public interface WsListener {
  /** The opening handshake completed (101). */
  void onOpen(long nanos);

  /** A whole message (fragments joined); {@code payload} is valid during the call only. */
  void onMessage(ByteBuf payload, boolean text, long nanos);

  /**
   * The server closed the socket, or the connection dropped.
   *
   * @param code the close frame's status (1000 normal, 1011 server error...); 1006 when the
   *     connection went without a close frame
   */
  void onClose(int code, String reason, long nanos);

  /**
   * The socket could not be opened.
   *
   * @param handshakeStatus the status the server answered the upgrade with (not 101), or 0 when
   *     the failure came before an answer ({@code error} says what)
   */
  void onFailure(TransportError error, int handshakeStatus, Throwable cause, long nanos);
}
