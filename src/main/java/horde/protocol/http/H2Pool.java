package horde.protocol.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * HTTP/2 connections to one origin from one event loop, shared by its users the way {@link
 * ConnectionPool} shares HTTP/1.1 connections, but stream by stream: a request goes on the first
 * connection with a free stream, a new connection is opened only when every open one is full (up
 * to the connection limit), and past that requests wait in order. Used only on its loop: no locks.
 *
 * <p>With {@code version: auto} the first TLS connection asks for h2 or http/1.1 by ALPN; when the
 * server chooses http/1.1, that connection is closed and this origin's requests go to HTTP/1.1
 * from then on.
 */
final class H2Pool implements ExchangeQueue {
  private final HttpClient client;
  private final EventLoop loop;
  private final Origin origin;
  private final int limit;
  private final int maxStreams;
  private final boolean negotiate;
  /** Connections that take requests, or will once ready; not those going away. */
  private final List<H2Connection> usable = new ArrayList<>();
  private final List<H2Connection> all = new ArrayList<>();
  private final ArrayDeque<HttpExchange> waiting = new ArrayDeque<>();
  private InetSocketAddress address;
  private int opening;
  /** {@code auto} found that the server speaks HTTP/1.1 only. */
  private boolean http1;

  H2Pool(HttpClient client, EventLoop loop, Origin origin, int limit, int maxStreams, boolean negotiate) {
    this.client = client;
    this.loop = loop;
    this.origin = origin;
    this.limit = limit;
    this.maxStreams = maxStreams;
    this.negotiate = negotiate;
  }

  HttpClient client() {
    return client;
  }

  Origin origin() {
    return origin;
  }

  int maxStreams() {
    return maxStreams;
  }

  void acquire(HttpExchange ex) {
    if (http1) {
      client.http1(ex);
      return;
    }
    for (int i = 0; i < usable.size(); i++) {
      H2Connection c = usable.get(i);
      if (c.hasRoom()) {
        c.send(ex);
        return;
      }
    }
    ex.waitingIn = this;
    waiting.add(ex);
    if (waiting.size() <= opening * maxStreams) return; // a connection under way will take it
    if (limit == 0 || usable.size() < limit) connect();
    else client.waited();
  }

  @Override
  public void forget(HttpExchange ex) {
    waiting.remove(ex);
  }

  /** The connection's SETTINGS came: it takes requests. */
  void ready(H2Connection c) {
    opening--;
    drain(c);
  }

  /** Requests that wait go on {@code c} while it has free streams. */
  void drain(H2Connection c) {
    while (!waiting.isEmpty() && c.hasRoom()) {
      HttpExchange ex = waiting.poll();
      ex.waitingIn = null;
      c.send(ex);
    }
  }

  /** The connection takes no new stream (GOAWAY, ids used up); its streams may still end. */
  void gone(H2Connection c) {
    drop(c);
    reopen();
  }

  private void drop(H2Connection c) {
    if (usable.remove(c) && !c.isReady()) opening--;
  }

  /** The connection closed; one that closed before it was ready fails the requests that waited for it. */
  void closed(H2Connection c, TransportError error, Throwable cause) {
    if (!c.isReady()) {
      failed(c, error, cause);
      return;
    }
    all.remove(c);
    gone(c);
  }

  /** Opens a connection for the requests that wait, if no connection under way will take them. */
  private void reopen() {
    if (waiting.isEmpty() || waiting.size() <= opening * maxStreams) return;
    if (limit == 0 || usable.size() < limit) connect();
  }

  private void connect() {
    if (address == null) address = new InetSocketAddress(origin.connectHost(), origin.port());
    if (address.isUnresolved()) {
      address = null;
      failWaiting(TransportError.UNKNOWN_HOST, new UnknownHostException(origin.host()));
      return;
    }
    H2Connection c = H2Connection.of(this);
    usable.add(c);
    all.add(c);
    opening++;
    ChannelFuture f = client.dialer().dial(loop, initializer(c), address);
    if (f.isDone()) connected(f, c);
    else f.addListener(done -> connected(done, c));
  }

  private void connected(Future<?> done, H2Connection c) {
    if (done.isSuccess()) return;
    TransportError error = ConnectionPool.connectError(done.cause());
    failed(c, error, error == TransportError.TOO_MANY_OPEN_FILES ? Connection.systemCause(done.cause()) : done.cause());
  }

  /** The connection never became one (refused, TLS, no h2): the requests that waited for it fail. */
  private void failed(H2Connection c, TransportError error, Throwable cause) {
    all.remove(c);
    drop(c); // no other attempt for them: each request fails as a connect to a down server would
    if (opening == 0 && usable.isEmpty()) failWaiting(error, cause);
  }

  private void failWaiting(TransportError error, Throwable cause) {
    List<HttpExchange> failing = new ArrayList<>(waiting);
    waiting.clear();
    try {
      for (HttpExchange ex : failing) {
        ex.waitingIn = null;
        if (ex.inFlight) ex.fail(error, cause);
      }
    } catch (Error e) {
      client.fatal(e); // Netty would only log what a listener throws
      throw e;
    }
  }

  private ChannelInitializer<Channel> initializer(H2Connection c) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) throws SSLException {
        ChannelPipeline p = ch.pipeline();
        if (!origin.tls()) {
          p.addLast(c); // h2c with prior knowledge: the preface goes out once connected
          return;
        }
        p.addLast(client.alpnContext().newHandler(ch.alloc(), origin.connectHost(), origin.port()));
        p.addLast(new Alpn(c));
      }
    };
  }

  /** Adds the HTTP/2 connection once TLS chose h2; else falls back to HTTP/1.1 (auto) or fails. */
  private final class Alpn extends ApplicationProtocolNegotiationHandler {
    private final H2Connection c;

    Alpn(H2Connection c) {
      super(ApplicationProtocolNames.HTTP_1_1);
      this.c = c;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
      if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
        ctx.pipeline().addLast(c);
        return;
      }
      ctx.close();
      if (negotiate) {
        http1 = true; // the server speaks HTTP/1.1 only: this origin's requests go there from now on
        all.remove(c);
        drop(c);
        List<HttpExchange> moving = new ArrayList<>(waiting);
        waiting.clear();
        for (HttpExchange ex : moving) {
          ex.waitingIn = null;
          client.http1(ex);
        }
      } else {
        failed(c, TransportError.TLS, new IOException("the server did not choose h2 by ALPN (it chose " + protocol + ")"));
      }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
      failed(c, TransportError.TLS, cause);
    }
  }

  /** Closes every connection; for the end of the test. */
  void closeAll() {
    for (H2Connection c : new ArrayList<>(all)) {
      Channel ch = c.channel();
      if (ch != null) ch.close();
    }
  }
}
