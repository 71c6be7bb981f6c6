package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * One keep-alive connection: the last handler of its pipeline. Carries at most one exchange at a
 * time (no pipelining), reads its answer with a {@link ResponseParser}, hands it the response's
 * events, and goes back to its pool when the response is complete and the server keeps the
 * connection open.
 */
final class Connection extends ChannelInboundHandlerAdapter implements ResponseParser.Sink {
  private final ConnectionPool pool;
  /** The bytes as on the wire: counted by the pipeline's first handler over TLS, else here (nothing sits between). */
  private final WireCounter wire;
  private final boolean plain;
  private final ResponseParser parser;
  private Channel channel;
  /** The native socket of a plain (not TLS) epoll connection, written straight by {@link #sendNow}; else null. */
  private Socket socket;
  private HttpExchange current;
  /** Whether the pool holds this connection among its idle ones (so a close need not search them). */
  boolean idle;
  /** When the bytes being parsed were read: every event they complete is stamped with it. */
  private long readAt;
  private boolean keepAlive;
  private boolean redirecting;
  private boolean responseStarted;
  private String location;
  private int redirectStatus;
  private long readMark;
  private long writeMark;
  private int served;
  /** Inside {@link #send}'s write: an exception now is that write failing. */
  private boolean writing;
  /** The current request's write failed: none of it reached the socket, so no server read it. */
  private boolean unsent;
  private HttpExchange first;
  private int firstGeneration;
  private TransportError pendingError;
  private Throwable pendingCause;

  Connection(ConnectionPool pool, WireCounter wire, ResponseHead head) {
    this.pool = pool;
    this.wire = wire;
    this.plain = !pool.origin().tls();
    this.parser = new ResponseParser(head, this, PooledByteBufAllocator.DEFAULT);
  }

  WireCounter wire() {
    return wire;
  }

  ConnectionPool pool() {
    return pool;
  }

  /** The exchange this new connection was opened for; it is sent once the connection is ready. */
  void awaitReady(HttpExchange ex) {
    first = ex;
    firstGeneration = ex.generation;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (plain) ready();
    ctx.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent hs) {
      if (hs.isSuccess()) {
        ready();
      } else {
        HttpExchange ex = first;
        first = null;
        if (ex != null && ex.inFlight && ex.generation == firstGeneration && ex.connection == null) {
          ex.fail(TransportError.TLS, hs.cause());
        }
        channel.close();
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  private void ready() {
    HttpExchange ex = first;
    first = null;
    if (ex != null && ex.inFlight && ex.generation == firstGeneration && ex.connection == null && ex.waitingIn == null) {
      send(ex);
    } else {
      pool.release(this, true);
    }
  }

  boolean isOpen() {
    return channel != null && channel.isActive();
  }

  /** Sends the exchange's request on this connection. */
  void send(HttpExchange ex) {
    current = ex;
    ex.connection = this;
    parser.expect(ex.isHead());
    responseStarted = false;
    redirecting = false;
    pendingError = null;
    readMark = served == 0 ? 0 : wire.read;
    writeMark = served == 0 ? 0 : wire.written;
    served++;
    ex.written = true;
    unsent = false;
    writing = true; // the flush runs now, on this loop: a failed write reports before it returns
    ByteBuf request = RequestWriter.encode(channel.alloc(), ex);
    if (!sendNow(request)) {
      if (plain) wire.written += request.readableBytes();
      channel.writeAndFlush(request, channel.voidPromise());
    }
    writing = false;
  }

  /**
   * Writes the request to the socket itself when nothing waits to be written before it (always,
   * without pipelining, unless an earlier write was left half done): Netty's way there (the
   * pipeline, an entry in the outbound buffer, a flush, a promise) was most of a request's send
   * on the event loop. Whatever the socket does not take now goes to Netty's way, which waits for
   * the socket to take more. False when the request, or what is left of it, still needs writing.
   */
  private boolean sendNow(ByteBuf request) {
    ChannelOutboundBuffer queued;
    if (socket == null || !request.hasMemoryAddress() || (queued = channel.unsafe().outboundBuffer()) == null
        || !queued.isEmpty() || !channel.isActive()) {
      return false;
    }
    int sent;
    try {
      sent = socket.sendAddress(request.memoryAddress(), request.readerIndex(), request.writerIndex());
    } catch (IOException e) {
      request.release();
      failed(e);
      return true;
    }
    wire.written += sent;
    if (sent == request.readableBytes()) {
      request.release();
      return true;
    }
    request.skipBytes(sent);
    return false;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    if (plain && channel instanceof UnixChannel unix && unix.fd() instanceof Socket s) socket = s;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf in)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    readAt = pool.client().clock().nanoTime();
    if (plain) wire.read += in.readableBytes();
    try {
      parser.read(in);
    } catch (BadResponseException e) {
      failAndClose(TransportError.BAD_RESPONSE, e);
    }
  }

  @Override
  public boolean onHead(ResponseHead h) {
    HttpExchange ex = current;
    if (ex == null) {
      channel.close(); // a response nobody asked for: the connection cannot be trusted
      return false;
    }
    int status = h.status();
    responseStarted = true;
    // a redirect's cookies too; the list only when there is one (it showed in JFR as garbage per answer)
    if (ex.cookies != null && h.header("set-cookie") != null) ex.cookies.store(ex.origin, ex.path, h.headers("set-cookie"));
    keepAlive = h.keepAlive();
    location = h.location;
    redirecting = Redirects.applies(status, location, pool.client().settings().maxRedirects());
    redirectStatus = status;
    if (!redirecting) ex.listener.onResponseHead(status, h, readAt);
    return current == ex; // unless the head ended it
  }

  @Override
  public boolean onContent(ByteBuf piece) {
    HttpExchange ex = current;
    if (ex == null) return false;
    if (!redirecting) ex.listener.onContent(piece, readAt);
    return current == ex;
  }

  @Override
  public void onEnd() {
    HttpExchange ex = current;
    if (ex == null) return;
    ex.bytesReceived += wire.read - readMark;
    ex.bytesSent += wire.written - writeMark;
    current = null;
    ex.connection = null;
    pool.release(this, keepAlive);
    if (redirecting) Redirects.follow(ex, redirectStatus, location);
    else ex.complete(readAt);
  }

  /** The exchange gave up on this connection (timeout, cancel): it cannot be reused. */
  void abandon() {
    current = null;
    if (channel != null) channel.close();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    failed(cause);
  }

  /** The connection failed, through Netty or in {@link #sendNow}: during a write, none of the request reached the socket. */
  private void failed(Throwable cause) {
    if (cause instanceof Error e) pool.client().fatal(e);
    if (writing) unsent = true;
    failAndClose(classify(cause), cause);
  }

  private void failAndClose(TransportError error, Throwable cause) {
    pendingError = error;
    pendingCause = cause;
    channel.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    try {
      parser.closed(); // an answer read until the close ends here
    } catch (BadResponseException e) {
      if (pendingError == null) { // a reset says more than the head it cut short
        pendingError = TransportError.BAD_RESPONSE;
        pendingCause = e;
      }
    }
    pool.closed(this);
    HttpExchange ex = current;
    if (ex == null) return;
    current = null;
    ex.connection = null;
    ex.bytesReceived += wire.read - readMark;
    if (!unsent) ex.bytesSent += wire.written - writeMark;
    TransportError error = pendingError != null ? pendingError : TransportError.CONNECTION_CLOSED;
    if (staleKeepAlive(ex, error)) {
      ex.retried = true;
      ex.written = false;
      ex.listener.onRetry(pool.client().clock().nanoTime());
      ex.client.dispatch(ex);
    } else {
      ex.fail(error, pendingCause);
    }
  }

  /**
   * Whether the request died with a reused connection that the server had closed before any of it
   * was written (it closed the idle connection as we took it), so that sending it again on a fresh
   * one cannot make the server act twice. Once per request, and only for methods that RFC 9110
   * (section 9.2.2) calls idempotent, as browsers do. Once the write reached the socket the server
   * may have read the request: then the close is the request's failure, never a silent second send.
   */
  private boolean staleKeepAlive(HttpExchange ex, TransportError error) {
    return unsent && served > 1 && !ex.retried && idempotent(ex.method)
        && (error == TransportError.CONNECTION_CLOSED || error == TransportError.CONNECTION_RESET);
  }

  static boolean idempotent(String method) {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" -> true;
      default -> false;
    };
  }

  static TransportError classify(Throwable cause) {
    if (outOfDescriptors(cause)) return TransportError.TOO_MANY_OPEN_FILES;
    Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (c instanceof SSLException) return TransportError.TLS;
    if (c instanceof DecoderException) return TransportError.BAD_RESPONSE;
    if (c instanceof ClosedChannelException) return TransportError.CONNECTION_CLOSED;
    String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
    if (c instanceof IOException && m.contains("reset")) return TransportError.CONNECTION_RESET;
    if (c instanceof IOException && (m.contains("broken pipe") || m.contains("closed"))) return TransportError.CONNECTION_CLOSED;
    return TransportError.OTHER;
  }

  /**
   * Whether the process ran out of file descriptors (EMFILE, ENFILE): the system's message, the
   * same on every Linux and the JDK's and Netty's native transports, somewhere in the causes.
   */
  static boolean outOfDescriptors(Throwable cause) {
    return systemCause(cause) != cause || mentionsDescriptors(cause);
  }

  /** The deepest cause that says the process ran out of descriptors (for the failure's sample), else {@code cause}. */
  static Throwable systemCause(Throwable cause) {
    Throwable found = cause;
    for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (mentionsDescriptors(c)) found = c;
    }
    return found;
  }

  private static boolean mentionsDescriptors(Throwable t) {
    return t != null && t.getMessage() != null && t.getMessage().contains("Too many open files");
  }
}
