package horde.engine;

import horde.plan.ParamPlan;
import horde.plan.RequestPlan;
import horde.protocol.http.HeaderList;
import horde.protocol.http.HttpExchange;
import horde.protocol.http.Origin;
import horde.protocol.http.RequestWriter;
import horde.scenario.Ports;
import horde.template.Scope;
import horde.template.UnsetValueException;
import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Renders a planned request into a user's exchange: URL, query, headers and body. */
final class RequestRenderer {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final Origin target;
  private final String basePath;
  /**
   * What of a request never changes, made once: the whole request's HTTP/1.1 bytes (sent as views,
   * {@link HttpExchange#encoded}), or else its request line and headers (each send adds the body it
   * renders, {@link HttpExchange#head}); and its parts (a redirect, a cookie or another protocol
   * encodes from them).
   */
  private record Made(ByteBuf bytes, byte[] head, String path, HeaderList headers, String body) {}

  /** By request id; published once, read by every loop. */
  private final AtomicReferenceArray<Made> made;

  RequestRenderer(Origin target, String basePath, int requests) {
    this.target = target;
    this.basePath = basePath;
    this.made = new AtomicReferenceArray<>(requests);
  }

  /** Fills the exchange; a reference with no value throws (the request is not sent). */
  void render(RequestPlan r, Scope scope, HttpExchange ex, StringBuilder scratch)
      throws UnsetValueException, URISyntaxException {
    ex.method = r.method();
    ex.timeoutNanos = r.timeoutNanos();
    ex.encoded = null;
    ex.head = null;
    Made m = made.get(r.id());
    if (m != null) {
      ex.origin = target;
      ex.path.setLength(0);
      ex.path.append(m.path);
      ex.headers = m.headers;
      if (m.head != null) {
        body(r, scope, ex);
        ex.head = m.head;
      } else {
        ex.body = m.body;
        ex.encoded = m.bytes;
      }
      return;
    }
    fill(r, scope, ex, scratch);
    if (ex.origin != target || !r.constantHead()) return;
    // LLM-tracked requests get no constant body: their prompt is read back from the exchange
    if (r.constant() && r.llm() == null) {
      publish(r, new Made(RequestWriter.encodeOnce(ex), null, ex.path.toString(), ex.headers.copy(),
          ex.body == null ? null : ex.body.toString()));
    } else if (r.body() != null) {
      publish(r, new Made(null, RequestWriter.encodeHeadOnce(ex), ex.path.toString(), ex.headers.copy(), null));
    }
  }

  private void publish(RequestPlan r, Made fresh) {
    if (!made.compareAndSet(r.id(), null, fresh) && fresh.bytes != null) {
      fresh.bytes.release(); // another loop published its copy first; ours was never sent
    }
  }

  /** Frees the requests made once; for the end of the test. */
  void release() {
    for (int i = 0; i < made.length(); i++) {
      Made m = made.getAndSet(i, null);
      if (m != null && m.bytes != null) m.bytes.release();
    }
  }

  private void fill(RequestPlan r, Scope scope, HttpExchange ex, StringBuilder scratch)
      throws UnsetValueException, URISyntaxException {
    StringBuilder path = ex.path;
    path.setLength(0);
    r.url().render(scope, path);
    if (startsWithHttp(path)) {
      absolute(path, ex);
    } else {
      ex.origin = target;
      if (path.isEmpty() || path.charAt(0) != '/') path.insert(0, '/');
      if (!basePath.isEmpty()) path.insert(0, basePath);
    }
    query(r, scope, path, scratch);
    ex.headers = ex.ownHeaders;
    headers(r, scope, ex.ownHeaders);
    body(r, scope, ex);
  }

  private static void body(RequestPlan r, Scope scope, HttpExchange ex) throws UnsetValueException {
    ex.ownBody.setLength(0);
    ex.body = null;
    if (r.body() != null) {
      r.body().render(scope, ex.ownBody);
      ex.body = ex.ownBody;
    }
  }

  private static boolean startsWithHttp(CharSequence s) {
    return s.length() > 7 && s.charAt(0) == 'h' && s.charAt(1) == 't' && s.charAt(2) == 't' && s.charAt(3) == 'p'
        && (s.charAt(4) == ':' || s.charAt(4) == 's');
  }

  private static void absolute(StringBuilder path, HttpExchange ex) throws URISyntaxException {
    URI uri = new URI(path.toString());
    String port = Ports.problem(uri); // a socket would refuse it, and the user would wait forever
    if (port != null) throw new URISyntaxException(shown(path), port);
    if (uri.getHost() == null) throw new URISyntaxException(shown(path), "no host");
    ex.origin = Origin.of(uri);
    path.setLength(0);
    path.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    if (uri.getRawQuery() != null) path.append('?').append(uri.getRawQuery());
  }

  /** The URL for a failure reason, without a password it may carry. */
  private static String shown(CharSequence url) {
    return url.toString().replaceFirst("//[^/?#@]*@", "//***@");
  }

  private static void query(RequestPlan r, Scope scope, StringBuilder path, StringBuilder scratch)
      throws UnsetValueException {
    boolean first = path.indexOf("?") < 0;
    List<ParamPlan> queries = r.query(); // indexed: the list's iterator was garbage on every request (JFR)
    for (int i = 0; i < queries.size(); i++) {
      ParamPlan q = queries.get(i);
      path.append(first ? '?' : '&').append(q.name()).append('=');
      first = false;
      scratch.setLength(0);
      q.value().render(scope, scratch);
      percentEncode(scratch, path);
    }
  }

  private static void headers(RequestPlan r, Scope scope, HeaderList out) throws UnsetValueException {
    out.clear();
    List<ParamPlan> headers = r.headers();
    for (int i = 0; i < headers.size(); i++) {
      ParamPlan h = headers.get(i);
      h.value().render(scope, out.beginValue(h.name()));
      out.endValue(); // a saved value's line breaks become spaces: it must not add headers
    }
  }

  /** application/x-www-form-urlencoded style, UTF-8. */
  static void percentEncode(CharSequence in, StringBuilder out) {
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append(c);
      } else {
        int cp = Character.codePointAt(in, i);
        if (Character.charCount(cp) == 2) i++;
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
        }
      }
    }
  }
}
