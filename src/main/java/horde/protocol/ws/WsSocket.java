package horde.protocol.ws;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * One user's WebSocket: opened by {@link WsClient#connect}, then messages sent with {@link #send}
 * and received through its {@link WsListener}. Used on its event loop only. Netty's protocol
 * handler answers the server's pings with pongs.
 *
 * <pre>{@code
 * WsSocket s = new WsSocket(loop, listener);
 * client.connect(s, URI.create("ws://127.0.0.1:8000/ws/chat"), headers, null, timeoutNanos);
 * s.send("{\"type\":\"ask\"}");          // once onOpen came
 * }</pre>
 */
public final class WsSocket {
  enum State { IDLE, CONNECTING, OPEN, CLOSED }

  final EventLoop loop;
  final WsListener listener;
  Channel channel;
  State state = State.IDLE;
  /** Counts connects, so that a late event of an earlier connect is not taken for this one's. */
  int generation;

  public WsSocket(EventLoop loop, WsListener listener) {
    this.loop = loop;
    this.listener = listener;
  }

  public boolean isOpen() {
    return state == State.OPEN && channel != null && channel.isActive();
  }

  /** Whether a connect is under way. */
  public boolean connecting() {
    return state == State.CONNECTING;
  }

  /** Sends a text message; returns its payload's bytes (UTF-8). */
  public int send(CharSequence text) {
    int bytes = ByteBufUtil.utf8Bytes(text);
    var buf = channel.alloc().buffer(bytes);
    ByteBufUtil.writeUtf8(buf, text);
    channel.writeAndFlush(new TextWebSocketFrame(buf), channel.voidPromise());
    return bytes;
  }

  /** Sends a binary message; returns its payload's bytes. */
  public int send(byte[] bytes) {
    channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)), channel.voidPromise());
    return bytes.length;
  }

  /** Closes with {@code code}: a close frame, then the connection. No event follows. */
  public void close(int code) {
    Channel c = channel;
    state = State.CLOSED;
    channel = null;
    if (c == null || !c.isActive()) return;
    c.writeAndFlush(new CloseWebSocketFrame(code, null)).addListener(f -> c.close());
  }

  /** Drops the connection at once (the test is over). No event follows. */
  public void abort() {
    Channel c = channel;
    state = State.CLOSED;
    channel = null;
    generation++;
    if (c != null) c.close();
  }
}
