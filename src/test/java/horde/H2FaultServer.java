package horde;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small h2c server (prior knowledge) on Netty's HTTP/2 codec that misbehaves on purpose, on
 * 127.0.0.1 and a free port: {@code /ok} answers 200 "ok"; {@code /reset} resets the stream
 * (RST_STREAM REFUSED_STREAM); {@code /goaway} sends GOAWAY (INTERNAL_ERROR) and closes the
 * connection. It counts the requests it read per path and the connections it accepted.
 */
public final class H2FaultServer implements AutoCloseable {
  private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();

  public H2FaultServer() throws InterruptedException {
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            connections.incrementAndGet();
            ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(), new Answers());
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
  }

  public String url() {
    return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Requests read for {@code path}. */
  public long requests(String path) {
    LongAdder n = requests.get(path);
    return n == null ? 0 : n.sum();
  }

  public int connections() {
    return connections.get();
  }

  private final class Answers extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof Http2HeadersFrame h) {
        String path = String.valueOf(h.headers().path());
        requests.computeIfAbsent(path, p -> new LongAdder()).increment();
        switch (path) {
          case "/reset" -> ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.REFUSED_STREAM).stream(h.stream()));
          case "/goaway" -> ctx.writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.INTERNAL_ERROR))
              .addListener(f -> ctx.close());
          default -> {
            ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")).stream(h.stream()));
            ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII), true)
                .stream(h.stream()));
          }
        }
      }
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
