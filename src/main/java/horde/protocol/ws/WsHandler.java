package horde.protocol.ws;

import horde.protocol.NanoClock;
import horde.protocol.http.TransportError;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.ReferenceCountUtil;

/** The last handler of a socket's pipeline: hands the handshake's end, messages and closes to the socket's listener. */
final class WsHandler extends ChannelInboundHandlerAdapter {
  private final WsSocket socket;
  private final int generation;
  private final NanoClock clock;
  private final Classifier classify;
  private boolean ended;

  /** Names a transport failure (shared with the HTTP client's rules). */
  interface Classifier {
    TransportError of(Throwable cause);
  }

  WsHandler(WsSocket socket, NanoClock clock, Classifier classify) {
    this.socket = socket;
    this.generation = socket.generation;
    this.clock = clock;
    this.classify = classify;
  }

  private boolean current() {
    return socket.generation == generation && !ended;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE && current()) {
      socket.state = WsSocket.State.OPEN;
      socket.listener.onOpen(clock.nanoTime());
    } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT && current()) {
      fail(TransportError.TIMEOUT, 0, null);
      ctx.close();
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (!current()) return;
      long now = clock.nanoTime();
      switch (msg) {
        case TextWebSocketFrame t -> socket.listener.onMessage(t.content(), true, now);
        case BinaryWebSocketFrame b -> socket.listener.onMessage(b.content(), false, now);
        case CloseWebSocketFrame c -> {
          int code = c.statusCode() < 0 ? 1005 : c.statusCode(); // 1005: a close frame without a code
          String reason = c.reasonText();
          ended = true;
          socket.state = WsSocket.State.CLOSED;
          socket.channel = null;
          ctx.writeAndFlush(new CloseWebSocketFrame(code == 1005 ? 1000 : code, null)).addListener(f -> ctx.close());
          socket.listener.onClose(code, reason, now);
        }
        default -> {}
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (current()) {
      if (socket.state == WsSocket.State.CONNECTING) {
        int status = cause instanceof WebSocketClientHandshakeException h && h.response() != null
            ? h.response().status().code() : 0;
        fail(status > 0 ? TransportError.BAD_RESPONSE : classify.of(cause), status, cause);
      } else {
        drop(1006, cause.getClass().getSimpleName() + ": " + cause.getMessage());
      }
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (current()) {
      if (socket.state == WsSocket.State.CONNECTING) fail(TransportError.CONNECTION_CLOSED, 0, null);
      else drop(1006, "the connection closed without a close frame");
    }
    ctx.fireChannelInactive();
  }

  private void fail(TransportError error, int status, Throwable cause) {
    ended = true;
    socket.state = WsSocket.State.CLOSED;
    socket.channel = null;
    socket.listener.onFailure(error, status, cause, clock.nanoTime());
  }

  private void drop(int code, String reason) {
    ended = true;
    socket.state = WsSocket.State.CLOSED;
    socket.channel = null;
    socket.listener.onClose(code, reason, clock.nanoTime());
  }
}
