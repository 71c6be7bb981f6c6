package horde.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.Map;

/**
 * An exchange's state on HTTP/2: the stream it is on, its own response head (a connection carries
 * several answers at once), its decompression, the redirect it reads, and the bytes of its frames.
 * Made once per exchange, on its first HTTP/2 request, and reused for each one after.
 */
final class H2Stream implements ResponseParser.Sink {
  private final HttpExchange ex;
  final ResponseHead head;
  H2Connection connection;
  int id;
  boolean headRead;
  boolean redirecting;
  Inflation inflation;
  long sent;
  long received;

  H2Stream(HttpExchange ex, ClientSettings settings) {
    this.ex = ex;
    this.head = new ResponseHead(settings.keptHeaders(), settings.gzip());
  }

  /** The exchange goes out on {@code c} as stream {@code streamId}. */
  void start(H2Connection c, int streamId) {
    connection = c;
    id = streamId;
    headRead = false;
    redirecting = false;
    sent = 0;
    received = 0;
    closeInflation();
  }

  /** Whether this is still stream {@code streamId} of {@code c} (not ended, not given up). */
  boolean on(H2Connection c, int streamId) {
    return connection == c && id == streamId;
  }

  /** The final answer's headers, read into {@link #head} as the HTTP/1.1 parser would. */
  void read(Http2Headers headers, int status) {
    head.reset();
    head.status = status;
    head.http2(headers);
    headRead = true;
    redirecting = Redirects.applies(status, head.location, ex.client.settings().maxRedirects());
    if (head.encoding != ResponseHead.Encoding.NONE) inflation = new Inflation(head.encoding);
  }

  /** The stream ended: the rest of a compressed body, then the exchange's end. */
  void finish(long nanos) throws BadResponseException {
    detach();
    ex.bytesReceived += received;
    ex.bytesSent += sent;
    Inflation i = inflation;
    inflation = null;
    if (i != null && !redirecting && !i.finish(this)) return; // the listener gave up (it ended the exchange)
    if (i != null && redirecting) i.close();
    if (redirecting) Redirects.follow(ex, head.status, head.location);
    else ex.complete(nanos);
  }

  /** The stream failed for a reason of the connection's or the server's: the exchange fails. */
  void fail(TransportError error, Throwable cause) {
    detach();
    ex.bytesReceived += received;
    ex.bytesSent += sent;
    closeInflation();
    ex.fail(error, cause);
  }

  /** The exchange gave up (timeout, cancel, a body too large): the stream is reset, the connection stays. */
  void abandon() {
    H2Connection c = connection;
    if (c == null) return;
    detach();
    ex.bytesReceived += received; // what came of it before the exchange gave up
    ex.bytesSent += sent;
    closeInflation();
    c.cancel(id);
  }

  private void detach() {
    connection = null;
  }

  private void closeInflation() {
    if (inflation != null) inflation.close();
    inflation = null;
  }

  HttpExchange exchange() {
    return ex;
  }

  long stamp() {
    return connection == null ? ex.client.clock().nanoTime() : connection.readAt();
  }

  @Override
  public boolean onHead(ResponseHead h) {
    return true; // heads come as HTTP/2 HEADERS frames, never through a parser
  }

  @Override
  public boolean onContent(ByteBuf piece) {
    H2Connection c = connection;
    int streamId = id;
    ex.listener.onContent(piece, stamp());
    return c == null || on(c, streamId);
  }

  @Override
  public void onEnd() {}

  /** The size of a header block as decoded: its names and values, as the frames' bytes of this stream. */
  static long size(Http2Headers headers) {
    long n = 9; // the frame header
    for (Map.Entry<CharSequence, CharSequence> h : headers) n += h.getKey().length() + h.getValue().length();
    return n;
  }

}
