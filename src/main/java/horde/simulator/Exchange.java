package horde.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * One request and its response, living on its channel's event loop from arrival until the last byte
 * is written or the client leaves. Handlers answer at once ({@link #reply}), later ({@link #at}),
 * or as a stream ({@link #startStream}, {@link #event}, {@link #endStream}). When the client goes
 * away first, {@link #abort} cancels the pending timer and runs the cleanup a handler registered
 * with {@link #onAbort}, e.g. giving back a generation slot.
 */
final class Exchange implements Inference.Host {
  private final ChannelHandlerContext ctx;
  private final Connection connection;
  private final Metrics metrics;
  private final Dice dice;
  private final long arrival;
  private final long arrivedNanos = System.nanoTime();
  final String method;
  final String path;
  final byte[] body;
  private Endpoint endpoint = Endpoint.OTHER;
  private String id;
  private SplittableRandom random;
  private boolean committed;
  private boolean finished;
  private ScheduledFuture<?> timer;
  private Runnable onAbort;

  Exchange(
      ChannelHandlerContext ctx,
      Connection connection,
      Metrics metrics,
      Dice dice,
      String method,
      String path,
      byte[] body) {
    this.ctx = ctx;
    this.connection = connection;
    this.metrics = metrics;
    this.dice = dice;
    this.arrival = dice.nextArrival();
    this.method = method;
    this.path = path;
    this.body = body;
  }

  void route(Endpoint endpoint, String id) {
    this.endpoint = endpoint;
    this.id = id;
  }

  /** The {@code {id}} path segment of the matched route, or null. */
  String id() {
    return id;
  }

  /** The channel's event loop, where every callback of this exchange runs. */
  @Override
  public Executor executor() {
    return ctx.executor();
  }

  /** This request's own random stream (see {@link Dice}). */
  SplittableRandom random() {
    if (random == null) random = dice.forArrival(arrival);
    return random;
  }

  /**
   * The body as a JSON object; an empty body is {@code {}} unless {@code required}. Otherwise
   * answers 400 and returns null, so a handler writes {@code if (json == null) return;}.
   */
  JsonNode json(boolean required) {
    if (body.length == 0 && !required) return Json.object();
    try {
      JsonNode node = body.length == 0 ? null : Json.parse(body);
      if (node != null && node.isObject()) return node;
      fail(HttpResponseStatus.BAD_REQUEST, "invalid_request_error", "expected a JSON object");
    } catch (RuntimeException e) { // Jackson 3 throws unchecked JacksonException
      fail(HttpResponseStatus.BAD_REQUEST, "invalid_request_error", "malformed JSON body");
    }
    return null;
  }

  /** Runs {@code task} on this event loop at {@code deadline} ({@link System#nanoTime()}). */
  @Override
  public void at(long deadlineNanos, Runnable task) {
    long delay = deadlineNanos - System.nanoTime();
    timer =
        ctx.executor()
            .schedule(
                () -> {
                  if (!finished) task.run();
                },
                Math.max(0, delay),
                TimeUnit.NANOSECONDS);
  }

  /** Cleanup for a client that leaves before the answer is complete; one per exchange. */
  @Override
  public void onAbort(Runnable cleanup) {
    onAbort = cleanup;
  }

  void reply(HttpResponseStatus status, JsonNode json) {
    reply(status, Unpooled.wrappedBuffer(Json.bytes(json)), "application/json");
  }

  /** A complete response with a content length; finishes the exchange. */
  void reply(HttpResponseStatus status, ByteBuf content, CharSequence contentType) {
    send(response(status, content, contentType));
  }

  void fail(HttpResponseStatus status, String type, String message) {
    reply(status, Json.error(type, message));
  }

  /** Sends a prepared response (extra headers set by the caller); finishes the exchange. */
  void send(FullHttpResponse response) {
    if (finished) {
      response.release();
      return;
    }
    commit(response.status().code());
    ctx.writeAndFlush(response);
    finish();
  }

  FullHttpResponse response(HttpResponseStatus status, ByteBuf content, CharSequence type) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, type)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    return r;
  }

  /** Sends 200 headers for a chunked {@code text/event-stream}. */
  void startStream() {
    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    commit(200);
    ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
  }

  /**
   * Writes {@code data: ...} and a blank line; flushes when {@code flush}. A void promise: a failed
   * write fires {@code exceptionCaught}, which closes the connection and aborts us.
   */
  void event(String data, boolean flush) {
    ByteBuf buf = ByteBufUtil.writeUtf8(ctx.alloc(), "data: " + data + "\n\n");
    DefaultHttpContent chunk = new DefaultHttpContent(buf);
    if (flush) ctx.writeAndFlush(chunk, ctx.voidPromise());
    else ctx.write(chunk, ctx.voidPromise());
  }

  /** Ends the chunked stream; finishes the exchange. */
  void endStream() {
    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    finish();
  }

  /** The client went away: stop timers, run the cleanup, count 499 if nothing was answered. */
  void abort() {
    if (finished) return;
    finished = true;
    if (timer != null) timer.cancel(false);
    if (!committed) metrics.answered(endpoint, 499);
    if (onAbort != null) onAbort.run();
  }

  @Override
  public boolean finished() {
    return finished;
  }

  private void commit(int status) {
    committed = true;
    metrics.answered(endpoint, status);
  }

  private void finish() {
    finished = true;
    if (endpoint != Endpoint.METRICS) metrics.latency.observe(endpoint, System.nanoTime() - arrivedNanos);
    timer = null;
    connection.exchangeDone(this);
  }
}
