package horde.protocol.http;

import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ThreadFactory;

/**
 * The I/O transport: native epoll on Linux when it loads, Java NIO otherwise. Its channels are made by
 * a constructor reference rather than Netty's reflective factory: a connection then costs no
 * reflective call, whose method handles C2 otherwise compiled in the first second of a large start.
 */
public record Transport(String name, IoHandlerFactory ioHandlers, ChannelFactory<? extends SocketChannel> channels) {

  public static Transport best() {
    if (Epoll.isAvailable()) {
      return new Transport("epoll", EpollIoHandler.newFactory(), EpollSocketChannel::new);
    }
    return new Transport("nio", NioIoHandler.newFactory(), NioSocketChannel::new);
  }

  /** Event loops named after their job, one per thread. */
  public MultiThreadIoEventLoopGroup newGroup(int threads, String name) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandlers);
  }

  /** Like {@link #newGroup(int, String)}; a loop thread that dies of what it threw tells {@code onDeath}. */
  public MultiThreadIoEventLoopGroup newGroup(int threads, String name, Thread.UncaughtExceptionHandler onDeath) {
    ThreadFactory named = new DefaultThreadFactory(name, true);
    ThreadFactory watched = r -> {
      Thread t = named.newThread(r);
      t.setUncaughtExceptionHandler(onDeath);
      return t;
    };
    return new MultiThreadIoEventLoopGroup(threads, watched, ioHandlers);
  }
}
