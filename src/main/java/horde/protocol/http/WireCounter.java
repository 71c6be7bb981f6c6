package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * First in a TLS connection's pipeline: counts the bytes it reads and writes as on the wire,
 * encrypted. A plain connection counts its own ({@link Connection}), as nothing stands between it
 * and the socket: a handler fewer for every read.
 */
final class WireCounter extends ChannelDuplexHandler {
  long read;
  long written;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf b) read += b.readableBytes();
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf b) written += b.readableBytes();
    ctx.write(msg, promise);
  }
}
