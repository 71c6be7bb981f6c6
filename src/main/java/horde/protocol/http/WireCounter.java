package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** First in the pipeline: counts the bytes a connection reads and writes, as on the wire. */
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
