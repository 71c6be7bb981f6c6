package horde.protocol.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import horde.protocol.NanoClock;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * A thin HTTP/1.1 and HTTP/2 client on Netty's transports, made for load generation: one keep-alive pool per
 * (event loop, origin) so no pool is shared between threads, requests encoded straight into pooled
 * buffers, answers parsed in place without a header map ({@link ResponseParser}), every event
 * timestamped on the loop. HTTP/2 ({@link ClientSettings#version}) goes through its own pools
 * ({@link H2Pool}) on Netty's HTTP/2 codec, several requests per connection.
 *
 * <pre>{@code
 * HttpExchange ex = new HttpExchange(loop, listener);   // once per virtual user
 * ex.origin = origin; ex.path.append("/health");        // per request
 * client.execute(ex);
 * }</pre>
 */
public final class HttpClient {
  private final ClientSettings settings;
  private final Consumer<Error> fatal;
  private final Bootstrap bootstrap;
  private final NanoClock clock;
  private final Dialer dialer;
  private final Map<EventLoop, Map<Origin, ConnectionPool>> pools = new ConcurrentHashMap<>();
  private final Map<EventLoop, Map<Origin, H2Pool>> h2Pools = new ConcurrentHashMap<>();
  /** HTTP/2 to every origin ({@code version: 2}); */
  private final boolean h2Always;
  /** or to TLS origins that choose it by ALPN ({@code version: auto}). */
  private final boolean h2Negotiated;
  private final LongAdder waits = new LongAdder();
  private final LongAdder sockets = new LongAdder();
  /** Where every connection goes while set, whatever its origin: the JIT warm-up's server in this process. */
  private volatile InetSocketAddress detour;
  private volatile SslContext ssl;
  private volatile SslContext alpn;

  public HttpClient(EventLoopGroup group, Transport transport, ClientSettings settings) {
    this(group, transport, settings, e -> {});
  }

  /**
   * @param fatal told of every {@link Error} (out of memory...) thrown while handling a connection's
   *     events, which Netty would otherwise only log
   */
  public HttpClient(EventLoopGroup group, Transport transport, ClientSettings settings, Consumer<Error> fatal) {
    this(settings, fatal, NanoClock.SYSTEM, null, bootstrap(group, transport, settings));
  }

  /**
   * A client whose connections are made by {@code dialer} and whose time is {@code clock}: for tests
   * that play the server on Netty's {@code EmbeddedChannel} and move the time by hand.
   */
  public HttpClient(ClientSettings settings, Consumer<Error> fatal, NanoClock clock, Dialer dialer) {
    this(settings, fatal, clock, dialer, null);
  }

  private HttpClient(ClientSettings settings, Consumer<Error> fatal, NanoClock clock, Dialer dialer, Bootstrap bootstrap) {
    this.settings = settings;
    this.fatal = fatal;
    this.clock = clock;
    this.bootstrap = bootstrap;
    this.h2Always = settings.version() == ClientSettings.Version.HTTP_2;
    this.h2Negotiated = settings.version() == ClientSettings.Version.AUTO;
    this.dialer = dialer != null ? dialer : (loop, init, address) -> {
      InetSocketAddress to = detour;
      return counted(bootstrap.clone(loop).handler(init).connect(to != null ? to : address));
    };
  }

  /** Counts the socket of {@code f} open until its channel closes (a channel that could not be made has none). */
  private ChannelFuture counted(ChannelFuture f) {
    if (f.channel().isOpen()) {
      sockets.increment();
      f.channel().closeFuture().addListener(closed -> sockets.decrement());
    }
    return f;
  }

  private static Bootstrap bootstrap(EventLoopGroup group, Transport transport, ClientSettings settings) {
    return new Bootstrap()
        .group(group)
        .channelFactory(transport.channels())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
  }

  /**
   * Sends every connection opened from now on to {@code address}, whatever its origin, until called
   * with null: the JIT warm-up runs the scenario's users on this client's own loops against a server
   * in this process, and the run's connections must not be among them (close them after).
   */
  public void detour(InetSocketAddress address) {
    detour = address;
  }

  /** The clock every event of this client's exchanges is stamped with. */
  public NanoClock clock() {
    return clock;
  }

  /** Opens channels: sockets in runs, embedded channels in tests. Other protocols on this client's loops use it too. */
  public Dialer dialer() {
    return dialer;
  }

  /** What a failure on an open connection was. */
  public static TransportError classify(Throwable cause) {
    return Connection.classify(cause);
  }

  /** What a failure to connect was (refused, timed out, no such host...). */
  public static TransportError connectError(Throwable cause) {
    return ConnectionPool.connectError(cause);
  }

  public ClientSettings settings() {
    return settings;
  }

  void fatal(Error e) {
    fatal.accept(e);
  }

  /** Starts the exchange: its timeout runs from now. Call on the exchange's loop. */
  public void execute(HttpExchange ex) {
    ex.begin(this);
    dispatch(ex);
  }

  void dispatch(HttpExchange ex) {
    if (h2Always || (h2Negotiated && ex.origin.tls())) http2(ex);
    else http1(ex);
  }

  /** Sends the exchange over HTTP/1.1: one request at a time per connection. */
  void http1(HttpExchange ex) {
    ConnectionPool p = ex.pool;
    if (p == null || !p.origin().equals(ex.origin)) {
      p = pool(ex.loop, ex.origin);
      ex.pool = p; // a user mostly talks to one origin: skip the lookup next time
    }
    p.acquire(ex);
  }

  private void http2(HttpExchange ex) {
    H2Pool p = ex.h2Pool;
    if (p == null || !p.origin().equals(ex.origin)) {
      Map<Origin, H2Pool> mine = h2Pools.computeIfAbsent(ex.loop, l -> new HashMap<>());
      p = mine.computeIfAbsent(ex.origin,
          o -> new H2Pool(this, ex.loop, o, settings.connectionsPerLoop(), settings.maxStreams(), h2Negotiated));
      ex.h2Pool = p;
    }
    p.acquire(ex);
  }

  private ConnectionPool pool(EventLoop loop, Origin origin) {
    Map<Origin, ConnectionPool> mine = pools.computeIfAbsent(loop, l -> new HashMap<>());
    ConnectionPool p = mine.get(origin);
    if (p == null) {
      p = new ConnectionPool(this, loop, origin, settings.connectionsPerLoop());
      mine.put(origin, p);
    }
    return p;
  }

  /** A request had to wait for a free connection (the pool was at its limit). */
  void waited() {
    waits.increment();
  }

  /** Requests that waited for a free connection so far, over every pool. */
  public long poolWaits() {
    return waits.sum();
  }

  /** Sockets this client's connections hold open now, of every protocol (none for a test's own dialer). */
  public long sockets() {
    return sockets.sum();
  }

  Connection newConnection(ConnectionPool pool) {
    return new Connection(pool, new WireCounter(), new ResponseHead(settings.keptHeaders(), settings.gzip()));
  }

  ChannelInitializer<Channel> initializer(ConnectionPool pool, Connection c) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) throws SSLException {
        ChannelPipeline p = ch.pipeline();
        if (pool.origin().tls()) { // a plain connection counts its bytes itself
          p.addLast(c.wire());
          p.addLast(sslContext().newHandler(ch.alloc(), pool.origin().connectHost(), pool.origin().port()));
        }
        p.addLast(c); // reads the answers itself: ResponseParser
      }
    };
  }

  /** The client's TLS settings (insecure or not), made once. */
  public SslContext sslContext() throws SSLException {
    SslContext s = ssl;
    if (s == null) {
      synchronized (this) {
        if (ssl == null) {
          ssl = tls().build();
        }
        s = ssl;
      }
    }
    return s;
  }

  /**
   * The client's TLS settings for HTTP/2: ALPN offers h2 (and http/1.1 with {@code version: auto}),
   * made once.
   */
  SslContext alpnContext() throws SSLException {
    SslContext s = alpn;
    if (s == null) {
      synchronized (this) {
        if (alpn == null) {
          SslContextBuilder b = tls();
          String[] offered = h2Negotiated
              ? new String[] {ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1}
              : new String[] {ApplicationProtocolNames.HTTP_2};
          b.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
              ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
              ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, offered));
          alpn = b.build();
        }
        s = alpn;
      }
    }
    return s;
  }

  /** TLS as the settings say: any certificate ({@code insecure}), or one valid for the host. */
  private SslContextBuilder tls() {
    SslContextBuilder b = SslContextBuilder.forClient();
    if (settings.insecure()) b.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
    else b.endpointIdentificationAlgorithm("HTTPS");
    return b;
  }

  /** Closes every pooled connection. */
  public void closeAll() {
    pools.forEach((loop, byOrigin) -> loop.execute(() -> byOrigin.values().forEach(ConnectionPool::closeAll)));
    h2Pools.forEach((loop, byOrigin) -> loop.execute(() -> byOrigin.values().forEach(H2Pool::closeAll)));
  }

}
