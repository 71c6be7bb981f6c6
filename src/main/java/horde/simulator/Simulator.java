package horde.simulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * A simulated AI backend on a local port: OpenAI-compatible chat completions, conversations, RAG
 * search, async jobs, agents, a WebSocket chat, {@code /health} and Prometheus {@code /metrics}, behind a limited
 * generation capacity. See {@code docs/simulator.md}.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimulatorOptions.defaults())) {
 *   HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/health")) ...
 * }
 * }</pre>
 *
 * <p>Each instance owns its event-loop threads and shares no state with another, so tests may start
 * and stop as many as they like in one JVM.
 */
public final class Simulator implements AutoCloseable {
  /** Largest request body accepted, bytes; a bigger one gets 413. */
  private static final int MAX_BODY = 4 * 1024 * 1024;

  /** The WebSocket chat's path; its pings are answered by clients, its closes echoed. */
  private static final WebSocketServerProtocolConfig WS_CHAT =
      WebSocketServerProtocolConfig.newBuilder()
          .websocketPath(WsChat.PATH)
          .checkStartsWith(false)
          .dropPongFrames(false) // the chat counts them
          .build();

  private final SimulatorOptions options;
  private final EventLoopGroup loops;
  private final Channel server;
  private final String transport;

  private Simulator(
      SimulatorOptions options, EventLoopGroup loops, Channel server, String transport) {
    this.options = options;
    this.loops = loops;
    this.server = server;
    this.transport = transport;
  }

  /**
   * Binds {@code options.host():options.port()} and returns once it accepts connections.
   *
   * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
   */
  public static Simulator start(SimulatorOptions options) {
    Transport transport = Transport.best();
    int threads =
        options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
    EventLoopGroup loops =
        new MultiThreadIoEventLoopGroup(
            threads, new DefaultThreadFactory("horde-simulator", true), transport.ioHandlers());
    // Read now what would be read from a file at first use: with every descriptor taken by
    // connections, a log line's time zone (tzdb.dat) could not load and would kill its thread.
    ZoneId.systemDefault().getRules();
    Metrics metrics = new Metrics();
    Dice dice = new Dice(options.seed());
    Router router =
        new Router(options, metrics, new Capacity(options.capacity(), options.queue()), dice);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(loops)
            .channel(transport.channel())
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .handler(new AcceptPause(metrics))
            // Each token is its own small write: Nagle would batch them and blur the timing.
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpServerKeepAliveHandler())
                        .addLast(new HttpObjectAggregator(MAX_BODY))
                        .addLast(new WebSocketServerProtocolHandler(WS_CHAT))
                        .addLast(new WsChat(router.inference(), metrics, dice))
                        .addLast(new Connection(router, metrics, dice));
                  }
                });
    try {
      Channel server = bootstrap.bind(options.host(), options.port()).sync().channel();
      return new Simulator(options, loops, server, transport.name());
    } catch (Exception e) { // Netty rethrows the bind's checked IOException undeclared
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      String where = options.host() + ":" + options.port();
      throw new UncheckedIOException(
          new IOException("cannot listen on " + where + ": " + e.getMessage(), e));
    }
  }

  /** The port it listens on: the one asked for, or the one the system chose for port 0. */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** {@code http://host:port}, without a trailing slash. */
  public String baseUrl() {
    String host = options.host();
    if (host.contains(":")) host = "[" + host + "]"; // an IPv6 literal
    return "http://" + host + ":" + port();
  }

  public SimulatorOptions options() {
    return options;
  }

  /** {@code epoll} or {@code nio}. */
  public String transport() {
    return transport;
  }

  /** Stops listening, drops open connections and ends its threads; returns when they are gone. */
  @Override
  public void close() {
    server.close().syncUninterruptibly();
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
