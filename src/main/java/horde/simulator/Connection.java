package horde.simulator;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * One client connection: hands each request to the {@link Router} as an {@link Exchange}, one at a
 * time. HTTP/1.1 answers must leave in request order, and an answer here can take seconds, so a
 * request pipelined behind an unfinished one waits in a short queue instead of overtaking it.
 * Reading never pauses, which is how a client that hangs up mid-stream is noticed at once.
 */
final class Connection extends ChannelInboundHandlerAdapter {
  /** More pipelined requests than this is abuse, not a load test: close the connection. */
  private static final int MAX_PIPELINED = 32;

  private static final byte[] NO_BODY = new byte[0];
  private final Router router;
  private final Metrics metrics;
  private final Dice dice;
  private final ArrayDeque<FullHttpRequest> pipelined = new ArrayDeque<>(2);
  private ChannelHandlerContext ctx;
  private Exchange current;

  Connection(Router router, Metrics metrics, Dice dice) {
    this.router = router;
    this.metrics = metrics;
    this.dice = dice;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (current == null) {
      start(request);
    } else if (pipelined.size() < MAX_PIPELINED) {
      pipelined.addLast(request);
    } else {
      request.release();
      ctx.close();
    }
  }

  private void start(FullHttpRequest request) {
    Exchange exchange;
    boolean malformed = request.decoderResult().isFailure();
    try {
      byte[] body =
          request.content().isReadable() ? ByteBufUtil.getBytes(request.content()) : NO_BODY;
      exchange =
          new Exchange(
              ctx, this, metrics, dice, request.method().name(), path(request.uri()), body);
    } finally {
      request.release();
    }
    current = exchange;
    if (malformed) router.malformed(exchange);
    else router.route(exchange);
  }

  /** The path without query string; absolute-form URIs ({@code http://h/p}) are rare. */
  private static String path(String uri) {
    if (!uri.startsWith("/")) return new QueryStringDecoder(uri).path();
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }

  /** Called by an exchange once its response is fully written: start the next one, if any. */
  void exchangeDone(Exchange exchange) {
    if (current != exchange) return;
    current = null;
    FullHttpRequest next = pipelined.pollFirst();
    if (next != null) start(next);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange gone = current;
    current = null;
    if (gone != null) gone.abort();
    FullHttpRequest r;
    while ((r = pipelined.pollFirst()) != null) r.release();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Resets and broken pipes are what clients of a load test do; there is nothing to report.
    ctx.close();
  }
}
