package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request and its state while in flight. Owned by one virtual user and reused for each of its
 * requests, so sending allocates little; used only on that user's event loop.
 *
 * <p>The request is a structured value that each protocol encodes its own way (HTTP/1.1 lines,
 * HTTP/2 frames): the caller fills {@link #method}, {@link #origin}, {@link #path} (with the query),
 * {@link #headers} (without Host, Content-Length and Cookie) and {@link #body}, then calls {@link
 * HttpClient#execute}. Cookies come from {@link #cookies}, for the request actually sent.
 */
public final class HttpExchange {
  public String method = "GET";
  public Origin origin;
  public final StringBuilder path = new StringBuilder(64);
  /** The headers to send: {@link #ownHeaders} filled for this request, or a list made once and shared. */
  public HeaderList headers;
  /** A list of this exchange's own to fill. */
  public final HeaderList ownHeaders = new HeaderList();
  /** A buffer of this exchange's own to render a body into. */
  public final StringBuilder ownBody = new StringBuilder();
  /** The body to send ({@link #ownBody} or a text made once), or null for none. */
  public CharSequence body;
  /** The user's cookie jar: what it sends and what it keeps; null when cookies are off. */
  public CookieJar cookies;
  /**
   * The whole request, already encoded, for a request whose every part is constant; null to
   * encode from the fields. Never written or released itself: each send writes a view of it.
   */
  public ByteBuf encoded;
  /**
   * The request line and headers, already encoded up to the value of Content-Length, for a request
   * whose body alone changes; null to encode them from the fields. Read, never written or released.
   */
  public byte[] head;
  public long timeoutNanos = TimeUnit.SECONDS.toNanos(30);
  /** The view of {@link #encoded} last written: sent again once Netty is done with it. */
  private SendView view;
  final EventLoop loop;
  final ExchangeListener listener;
  private final Runnable onTimer = this::timerFired;
  private ScheduledFuture<?> timer;
  private long timerAt;
  private long deadline;
  HttpClient client;
  ConnectionPool pool;
  ExchangeQueue waitingIn;
  Connection connection;
  /** Over HTTP/2: the pool last used, and the exchange's stream state (made on its first HTTP/2 request). */
  H2Pool h2Pool;
  H2Stream h2;
  int generation;
  int redirectsLeft;
  boolean retried;
  boolean inFlight;
  /** The request was handed to a connection's socket (not only waiting for one). */
  boolean written;
  long bytesSent;
  long bytesReceived;

  public HttpExchange(EventLoop loop, ExchangeListener listener) {
    this.loop = loop;
    this.listener = listener;
    this.headers = ownHeaders;
  }

  public boolean hasBody() {
    return body != null;
  }

  public EventLoop loop() {
    return loop;
  }

  public boolean inFlight() {
    return inFlight;
  }

  /**
   * Whether the current request was written to a connection: false while it waits for one (a pool
   * at its limit, a connect under way). A request cut off before then never left this process.
   */
  public boolean written() {
    return written;
  }

  /** A view of {@link #encoded} to write: the last one again when Netty is done with it. */
  ByteBuf view() {
    SendView v = view;
    return v != null && v.reusableFor(encoded) ? v.again() : (view = new SendView(encoded));
  }

  boolean isHead() {
    return method.equals("HEAD");
  }

  void begin(HttpClient client) {
    this.client = client;
    generation++;
    inFlight = true;
    written = false;
    retried = false;
    bytesSent = 0;
    bytesReceived = 0;
    redirectsLeft = client.settings().maxRedirects();
    deadline = client.clock().nanoTime() + timeoutNanos;
    if (timer == null || timerAt > deadline) arm(deadline);
  }

  /**
   * One timer per exchange, re-armed lazily: most requests end long before their deadline, so
   * instead of scheduling and cancelling a timer per request, a fired timer looks at the current
   * request's deadline and either times it out or sleeps until that deadline.
   */
  private void arm(long at) {
    if (timer != null) timer.cancel(false);
    timerAt = at;
    timer = loop.schedule(onTimer, Math.max(0, at - client.clock().nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void timerFired() {
    timer = null;
    if (!inFlight) return;
    try {
      if (client.clock().nanoTime() - deadline >= 0) fail(TransportError.TIMEOUT, null);
      else arm(deadline);
    } catch (Error e) {
      client.fatal(e); // Netty would only log what a task throws
      throw e;
    }
  }

  /** Gives up on the exchange for the caller's reason and closes its connection. */
  public void abort(TransportError error) {
    abort(error, null);
  }

  /** Like {@link #abort(TransportError)}, with what happened, for the failure's sample. */
  public void abort(TransportError error, Throwable cause) {
    if (inFlight) fail(error, cause);
  }

  /** Stops waiting and closes the connection, if any: the test is over. */
  public void cancel() {
    if (inFlight) fail(TransportError.CANCELLED, null);
  }

  void complete(long nanos) {
    finish();
    listener.onComplete(nanos, bytesSent, bytesReceived);
  }

  void fail(TransportError error, Throwable cause) {
    Connection c = connection;
    if (waitingIn != null) waitingIn.forget(this);
    finish();
    if (c != null) c.abandon();
    if (h2 != null) h2.abandon(); // resets its stream only: the connection's other streams go on
    listener.onFailure(error, cause, client.clock().nanoTime(), bytesSent, bytesReceived);
  }

  private void finish() {
    inFlight = false;
    waitingIn = null;
    connection = null;
  }

  /** Stops the timer for good: the user is done. */
  public void release() {
    if (timer != null) timer.cancel(false);
    timer = null;
  }
}
