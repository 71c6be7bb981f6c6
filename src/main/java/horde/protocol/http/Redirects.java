package horde.protocol.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/** Following redirects as browsers do: 303 (and 301/302 after a POST) become a GET without body. */
final class Redirects {
  private Redirects() {}

  static boolean applies(int status, String location, int maxRedirects) {
    return maxRedirects > 0 && location != null
        && (status == 301 || status == 302 || status == 303 || status == 307 || status == 308);
  }

  /** The absolute URL of {@code location} relative to the request's, or null when unusable. */
  static URI resolve(Origin origin, CharSequence path, String location) {
    try {
      URI next = new URI(origin + path.toString()).resolve(location.strip());
      String scheme = next.getScheme();
      return next.getHost() == null || !("http".equals(scheme) || "https".equals(scheme)) ? null : next;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  static void apply(HttpExchange ex, int status, URI next) {
    ex.encoded = null;
    ex.head = null;
    ex.origin = Origin.of(next);
    ex.path.setLength(0);
    ex.path.append(next.getRawPath() == null || next.getRawPath().isEmpty() ? "/" : next.getRawPath());
    if (next.getRawQuery() != null) ex.path.append('?').append(next.getRawQuery());
    boolean toGet = status == 303 || ((status == 301 || status == 302) && ex.method.equals("POST"));
    if (toGet && !ex.method.equals("HEAD")) {
      ex.method = "GET";
      ex.body = null;
    }
  }

  /** Sends the exchange on to where a redirect points, or fails it (too many, a bad Location). */
  static void follow(HttpExchange ex, int status, String location) {
    if (ex.redirectsLeft <= 0) {
      ex.fail(TransportError.TOO_MANY_REDIRECTS, null);
      return;
    }
    ex.redirectsLeft--;
    URI next = resolve(ex.origin, ex.path, location);
    if (next == null) {
      ex.fail(TransportError.BAD_RESPONSE, new IOException("bad Location: " + location));
      return;
    }
    apply(ex, status, next);
    ex.client.dispatch(ex);
  }
}
