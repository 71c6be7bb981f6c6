package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2EventAdapter;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.util.collection.IntObjectHashMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/2 connection (RFC 9113) on Netty's codec, which does the framing, HPACK and flow
 * control: carries up to its limit of exchanges at once, each on a stream of its own ({@link
 * H2Stream}). The limit is {@code max_streams}, lowered to the server's
 * SETTINGS_MAX_CONCURRENT_STREAMS; the connection takes requests once the server's SETTINGS came.
 * A stream the server resets (RST_STREAM), or one a GOAWAY leaves out, fails its exchange alone;
 * the others go on.
 */
final class H2Connection extends Http2ConnectionHandler {
  private final H2Pool pool;
  private final IntObjectHashMap<HttpExchange> streams = new IntObjectHashMap<>();
  private ChannelHandlerContext ctx;
  private int limit;
  private boolean ready;
  private boolean goingAway;
  /** When the bytes being decoded were read: every event they complete is stamped with it. */
  private long readAt;
  private TransportError pendingError;
  private Throwable pendingCause;

  private H2Connection(H2Pool pool, Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings) {
    super(decoder, encoder, settings);
    this.pool = pool;
    this.limit = pool.maxStreams();
    Frames frames = new Frames();
    decoder.frameListener(frames);
    connection().addListener(frames);
  }

  static H2Connection of(H2Pool pool) {
    return new Builder(pool).make();
  }

  /** Whether a request can go out on this connection now. */
  boolean hasRoom() {
    return ready && !goingAway && streams.size() < limit && ctx.channel().isActive();
  }

  boolean isReady() {
    return ready;
  }

  int inFlight() {
    return streams.size();
  }

  Channel channel() {
    return ctx == null ? null : ctx.channel();
  }

  long readAt() {
    return readAt;
  }

  /** Sends the exchange's request on a new stream of this connection. */
  void send(HttpExchange ex) {
    int id = connection().local().incrementAndGetNextStreamId();
    if (id < 0) { // no stream ids left: this connection is done, another takes the request
      goingAway = true;
      pool.gone(this);
      pool.acquire(ex);
      return;
    }
    H2Stream s = ex.h2 != null ? ex.h2 : (ex.h2 = new H2Stream(ex, pool.client().settings()));
    s.start(this, id);
    streams.put(id, ex);
    ex.written = true;
    Http2Headers headers = H2Request.headers(ex);
    s.sent += H2Stream.size(headers);
    ByteBuf body = ex.body == null || ex.body.isEmpty() ? null : ByteBufUtil.writeUtf8(ctx.alloc(), ex.body);
    encoder().writeHeaders(ctx, id, headers, 0, body == null, ctx.newPromise());
    if (body != null) {
      s.sent += 9 + body.readableBytes();
      encoder().writeData(ctx, id, body, 0, true, ctx.newPromise());
    }
    ctx.flush();
  }

  /** The exchange on stream {@code id} gave up: the stream is reset, the connection carries on. */
  void cancel(int id) {
    if (streams.remove(id) == null) return;
    if (ctx.channel().isActive()) {
      resetStream(ctx, id, Http2Error.CANCEL.code(), ctx.newPromise());
      ctx.flush();
    }
    freed();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    super.handlerAdded(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    readAt = pool.client().clock().nanoTime();
    super.channelRead(ctx, msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
    if (cause instanceof Error e) pool.client().fatal(e);
    Http2Exception h2 = Http2CodecUtil.getEmbeddedHttp2Exception(cause);
    if (h2 != null) {
      if (pendingError == null && !(h2 instanceof Http2Exception.StreamException)) {
        pendingError = TransportError.BAD_RESPONSE;
        pendingCause = cause;
      }
      super.exceptionCaught(ctx, cause); // a GOAWAY for a connection error, a reset for a stream's
      return;
    }
    if (pendingError == null) {
      pendingError = Connection.classify(cause);
      pendingCause = cause;
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    goingAway = true;
    if (pendingError == null) pendingError = TransportError.CONNECTION_CLOSED;
    super.channelInactive(ctx); // closes every stream: each one still ours fails (Frames.onStreamClosed)
    failAll(pendingError, pendingCause);
    pool.closed(this, pendingError, pendingCause);
  }

  private void failAll(TransportError error, Throwable cause) {
    if (streams.isEmpty()) return;
    for (HttpExchange ex : new ArrayList<>(streams.values())) {
      streams.remove(ex.h2.id);
      ex.h2.fail(error, cause);
    }
  }

  private void freed() {
    if (goingAway && streams.isEmpty()) ctx.close();
    else pool.drain(this);
  }

  private HttpExchange mine(int id) {
    HttpExchange ex = streams.get(id);
    return ex != null && ex.h2.on(this, id) ? ex : null;
  }

  private void headers(int id, Http2Headers headers, boolean end) throws Http2Exception {
    HttpExchange ex = mine(id);
    if (ex == null) return;
    H2Stream s = ex.h2;
    s.received += H2Stream.size(headers);
    if (!s.headRead) {
      int status = status(headers);
      if (status < 200) return; // an interim answer (103 Early Hints): the final one follows
      s.read(headers, status);
      if (ex.cookies != null) {
        List<String> set = s.head.headers("set-cookie");
        if (!set.isEmpty()) ex.cookies.store(ex.origin, ex.path, set);
      }
      if (!s.redirecting) ex.listener.onResponseHead(status, s.head, readAt);
      if (!s.on(this, id)) return; // the head ended it
    }
    if (end) end(id, ex);
  }

  private static int status(Http2Headers headers) throws Http2Exception {
    CharSequence status = headers.status();
    try {
      return status == null ? -1 : Integer.parseInt(status.toString());
    } catch (NumberFormatException e) {
      throw Http2Exception.connectionError(Http2Error.PROTOCOL_ERROR, "bad :status %s", status);
    }
  }

  private int data(int id, ByteBuf data, int padding, boolean end) {
    int processed = data.readableBytes() + padding;
    HttpExchange ex = mine(id);
    if (ex == null) return processed;
    H2Stream s = ex.h2;
    s.received += 9 + processed;
    if (!s.redirecting && data.isReadable()) {
      try {
        if (s.inflation != null) s.inflation.inflate(data.retainedSlice(), s);
        else ex.listener.onContent(data, readAt);
      } catch (BadResponseException e) {
        streams.remove(id);
        s.fail(TransportError.BAD_RESPONSE, e);
        cancelOnWire(id);
        return processed;
      }
      if (!s.on(this, id)) return processed; // the listener gave up
    }
    if (end) end(id, ex);
    return processed;
  }

  private void end(int id, HttpExchange ex) {
    streams.remove(id);
    try {
      ex.h2.finish(readAt);
    } catch (BadResponseException e) {
      ex.fail(TransportError.BAD_RESPONSE, e);
    }
    freed();
  }

  private void cancelOnWire(int id) {
    resetStream(ctx, id, Http2Error.CANCEL.code(), ctx.newPromise());
    ctx.flush();
    freed();
  }

  private void reset(int id, long code) {
    HttpExchange ex = streams.remove(id);
    if (ex == null) return;
    ex.h2.fail(TransportError.STREAM_RESET, new IOException("the server reset stream " + id + " (RST_STREAM " + name(code) + ")"));
    freed();
  }

  private void goAway(int lastStreamId, long code) {
    goingAway = true;
    pool.gone(this);
    IOException why = new IOException("the server sent GOAWAY (" + name(code) + ", last stream " + lastStreamId + ")");
    for (HttpExchange ex : new ArrayList<>(streams.values())) {
      int id = ex.h2.id;
      if (id > lastStreamId || code != Http2Error.NO_ERROR.code()) { // never processed, or the server gave up on it
        streams.remove(id);
        ex.h2.fail(TransportError.GOAWAY, why);
      }
    }
    if (streams.isEmpty()) ctx.close();
  }

  private void settings(Http2Settings settings) {
    Long most = settings.maxConcurrentStreams();
    if (most != null) limit = (int) Math.min(pool.maxStreams(), most);
    if (!ready) {
      ready = true;
      pool.ready(this);
    } else {
      pool.drain(this);
    }
  }

  /** A stream closed while an exchange was still on it (a protocol error, the connection's end). */
  private void closed(int id) {
    HttpExchange ex = streams.remove(id);
    if (ex == null) return;
    TransportError error = ctx.channel().isActive() ? TransportError.BAD_RESPONSE : pendingError;
    ex.h2.fail(error, ctx.channel().isActive() ? new IOException("stream " + id + " closed before its answer ended") : pendingCause);
  }

  private static String name(long code) {
    Http2Error e = Http2Error.valueOf(code);
    return e == null ? "error 0x" + Long.toHexString(code) : e.name();
  }

  /** The codec's events, handed to the connection. */
  private final class Frames extends Http2EventAdapter {
    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding, boolean endStream)
        throws Http2Exception {
      headers(streamId, headers, endStream);
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
        short weight, boolean exclusive, int padding, boolean endStream) throws Http2Exception {
      headers(streamId, headers, endStream);
    }

    @Override
    public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
      return data(streamId, data, padding, endOfStream);
    }

    @Override
    public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) {
      reset(streamId, errorCode);
    }

    @Override
    public void onGoAwayReceived(int lastStreamId, long errorCode, ByteBuf debugData) {
      goAway(lastStreamId, errorCode); // before the codec closes the streams it leaves out
    }

    @Override
    public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings settings) {
      settings(settings);
    }

    @Override
    public void onStreamClosed(Http2Stream stream) {
      closed(stream.id());
    }
  }

  private static final class Builder extends AbstractHttp2ConnectionHandlerBuilder<H2Connection, Builder> {
    private final H2Pool pool;

    Builder(H2Pool pool) {
      this.pool = pool;
      server(false);
      // no server push; a 1 MB window per stream so a large answer is not held back by flow control
      initialSettings(Http2Settings.defaultSettings().pushEnabled(false).initialWindowSize(1 << 20));
    }

    H2Connection make() {
      return build();
    }

    @Override
    protected H2Connection build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings) {
      return new H2Connection(pool, decoder, encoder, settings);
    }
  }
}
