package horde.simulator;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * On the listening socket: a connection that cannot be accepted (no file descriptor left, EMFILE)
 * stops accepting for a moment, counted, instead of going on to Netty's logger; then accepting
 * resumes. So a burst of connections past the process's limit waits in the backlog (or times out
 * at the client) and the simulator serves again as soon as connections close.
 */
final class AcceptPause extends ChannelInboundHandlerAdapter {
  /** Short: a closed connection frees a descriptor at once, and clients are waiting. */
  private static final long PAUSE_MILLIS = 100;

  private final Metrics metrics;
  private ChannelConfig config;
  private final Runnable resume = () -> config.setAutoRead(true);

  AcceptPause(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    config = ctx.channel().config();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof IOException)) {
      ctx.fireExceptionCaught(cause);
      return;
    }
    metrics.acceptPauses.increment();
    if (config.isAutoRead()) {
      config.setAutoRead(false);
      ctx.channel().eventLoop().schedule(resume, PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }
}
