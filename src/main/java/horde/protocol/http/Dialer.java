package horde.protocol.http;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;

/**
 * Opens a connection's channel on an event loop: a socket in runs (Netty's {@code Bootstrap}); in
 * tests an {@code EmbeddedChannel} whose other end the test plays, byte for byte.
 */
@FunctionalInterface
public interface Dialer {
  /** @param initializer sets up the channel's pipeline once it is registered */
  ChannelFuture dial(EventLoop loop, ChannelHandler initializer, InetSocketAddress address);
}
