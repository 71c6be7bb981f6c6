package horde.protocol.http;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * Keep-alive connections to one origin from one event loop. Used only on that loop, so it needs no
 * locks. Idle connections are reused newest first; past the limit, exchanges wait in order.
 */
final class ConnectionPool implements ExchangeQueue {
  private final HttpClient client;
  private final EventLoop loop;
  private final Origin origin;
  private final int limit;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final ArrayDeque<HttpExchange> waiting = new ArrayDeque<>();
  /**
   * Every connection open or opening: a set, since each close takes one out, and closing ten
   * thousand connections one by one from a list took seconds at the end of a large run.
   */
  private final Set<Connection> all = new HashSet<>();
  private InetSocketAddress address;
  private int open;

  ConnectionPool(HttpClient client, EventLoop loop, Origin origin, int limit) {
    this.client = client;
    this.loop = loop;
    this.origin = origin;
    this.limit = limit;
  }

  HttpClient client() {
    return client;
  }

  Origin origin() {
    return origin;
  }

  void acquire(HttpExchange ex) {
    while (!idle.isEmpty()) {
      Connection c = idle.pollLast();
      c.idle = false;
      if (c.isOpen()) {
        c.send(ex);
        return;
      }
    }
    if (limit == 0 || open < limit) {
      connect(ex);
    } else {
      ex.waitingIn = this;
      waiting.add(ex);
      client.waited();
    }
  }

  void release(Connection c, boolean reusable) {
    if (!reusable || !c.isOpen()) {
      c.abandon();
      return;
    }
    HttpExchange next = nextWaiting();
    if (next != null) {
      c.send(next);
    } else {
      c.idle = true;
      idle.add(c);
    }
  }

  void closed(Connection c) {
    if (all.remove(c)) open--;
    if (c.idle) { // a connection in use (nearly every one that a run's end cuts off) is not searched for
      c.idle = false;
      idle.remove(c);
    }
    HttpExchange next = nextWaiting();
    if (next != null) acquire(next);
  }

  /**
   * The exchange waiting longest that still waits here. One that gave up waiting (cancelled, timed
   * out) keeps its place in the queue until it comes up, and is dropped then: taking each out as
   * it gave up searched the whole queue, so that cutting off 100,000 waiting users at the end of a
   * run took seconds. An exchange waits in one place at a time, so of the places it may hold, the
   * first reached while it waits here is its turn and clears it; later ones are dropped.
   */
  private HttpExchange nextWaiting() {
    for (HttpExchange ex; (ex = waiting.poll()) != null; ) {
      if (ex.waitingIn == this) {
        ex.waitingIn = null;
        return ex;
      }
    }
    return null;
  }

  @Override
  public void forget(HttpExchange ex) {
    if (ex.waitingIn == this) ex.waitingIn = null; // dropped from the queue when it comes up (nextWaiting)
  }

  private void connect(HttpExchange ex) {
    open++;
    if (address == null) {
      address = new InetSocketAddress(origin.connectHost(), origin.port());
    }
    if (address.isUnresolved()) {
      open--;
      address = null;
      ex.fail(TransportError.UNKNOWN_HOST, new UnknownHostException(origin.host()));
      return;
    }
    Connection c = client.newConnection(this);
    all.add(c);
    int generation = ex.generation;
    c.awaitReady(ex);
    ChannelFuture f = client.dialer().dial(loop, client.initializer(this, c), address);
    // A socket that cannot be made (no descriptor left) fails at once, with a future whose
    // listeners would run on Netty's global thread: handle it here, on the user's own loop.
    if (f.isDone()) connected(f, c, ex, generation);
    else f.addListener(done -> connected(done, c, ex, generation));
  }

  private void connected(Future<?> done, Connection c, HttpExchange ex, int generation) {
    if (done.isSuccess()) return;
    if (all.remove(c)) open--;
    if (ex.inFlight && ex.generation == generation && ex.connection == null) {
      TransportError error = connectError(done.cause());
      try {
        ex.fail(error, error == TransportError.TOO_MANY_OPEN_FILES ? Connection.systemCause(done.cause()) : done.cause());
      } catch (Error e) {
        client.fatal(e); // Netty would only log what a listener throws
        throw e;
      }
    }
  }

  /** Closes every connection; for the end of the test. */
  void closeAll() {
    idle.forEach(c -> c.idle = false);
    idle.clear();
    for (Connection c : new ArrayList<>(all)) c.abandon();
  }

  static TransportError connectError(Throwable cause) {
    if (Connection.outOfDescriptors(cause)) return TransportError.TOO_MANY_OPEN_FILES;
    if (cause instanceof ConnectTimeoutException) return TransportError.CONNECT_TIMEOUT;
    if (cause instanceof ConnectException) return TransportError.CONNECTION_REFUSED;
    if (cause instanceof UnknownHostException) return TransportError.UNKNOWN_HOST;
    return Connection.classify(cause);
  }
}
