package horde.server;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * Who may call what. Control calls (anything but GET, and Locust's {@code GET /stop} and {@code
 * GET /stats/reset}) are refused when a browser says they come from another site ({@code
 * Sec-Fetch-Site}, {@code Origin}), so no page elsewhere can start or stop a test (no CSRF). On a
 * loopback address, a request naming another host is refused, so no DNS rebinding reaches the
 * server through a name of the attacker's. With a token, control calls must send it in {@code
 * Authorization: Bearer TOKEN} — a header no other site's page can add — and reading calls may
 * send it so or in the cookie a visit to {@code /?token=TOKEN} sets (for the browser's page,
 * event stream and downloads).
 */
final class Guard {
  private static final Set<String> LOCAL_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
  private static final Set<String> LOCUST_CONTROL = Set.of("/stop", "/stats/reset");

  private final byte[] token;
  private final boolean loopback;
  private final String cookie;

  Guard(String token, InetAddress bound, int port) {
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    this.loopback = bound.isLoopbackAddress();
    this.cookie = "horde_token_" + port;
  }

  static boolean control(String method, String path) {
    return !method.equals("GET") && !method.equals("HEAD") || LOCUST_CONTROL.contains(path);
  }

  /** The cookie's name: one per port, so that two servers on one machine keep their own. */
  String cookieName() {
    return cookie;
  }

  /** Null when the request may go on; else the refusal. */
  Response check(HttpExchange x) {
    String method = x.getRequestMethod(), path = x.getRequestURI().getRawPath();
    String host = x.getRequestHeaders().getFirst("Host");
    if (loopback && host != null && !LOCAL_NAMES.contains(hostName(host)))
      return Response.error(403, "this server answers on 127.0.0.1 only, not as " + Request.clip(host));
    boolean control = control(method, path);
    if (control && crossSite(x, host))
      return Response.error(403, "a control call from another site's page is refused");
    if (token == null) return null;
    if (bearer(x) || !control && (cookie(x) || same(queryToken(x)))) return null;
    Response refusal = Response.error(401, control ? "this call needs the token: send Authorization: Bearer TOKEN"
        : "this server needs a token: send Authorization: Bearer TOKEN, or open the URL with ?token= it printed");
    return refusal.with("WWW-Authenticate", "Bearer");
  }

  private static boolean crossSite(HttpExchange x, String host) {
    String site = x.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (site != null && (site.equals("cross-site") || site.equals("same-site"))) return true;
    String origin = x.getRequestHeaders().getFirst("Origin");
    return origin != null && (host == null || !origin.equals("http://" + host));
  }

  private static String hostName(String host) {
    if (host.startsWith("[")) return host.substring(0, host.indexOf(']') + 1);
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private boolean bearer(HttpExchange x) {
    String h = x.getRequestHeaders().getFirst("Authorization");
    return h != null && h.startsWith("Bearer ") && same(h.substring(7).strip());
  }

  private boolean cookie(HttpExchange x) {
    List<String> headers = x.getRequestHeaders().get("Cookie");
    if (headers == null) return false;
    for (String header : headers) {
      for (String pair : header.split(";")) {
        String p = pair.strip();
        if (p.startsWith(cookie + "=") && same(p.substring(cookie.length() + 1))) return true;
      }
    }
    return false;
  }

  /** The token of a {@code ?token=} query, or null. */
  private static String queryToken(HttpExchange x) {
    String query = x.getRequestURI().getRawQuery();
    if (query == null || !query.startsWith("token=") || query.contains("&")) return null;
    return URLDecoder.decode(query.substring(6), StandardCharsets.UTF_8);
  }

  private boolean same(String given) {
    return token != null && given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A visit with {@code ?token=TOKEN}: the right token sets the cookie and sends the browser to the
   * same page without it (so it leaves the address bar and history); null when the query has none.
   */
  Response login(HttpExchange x) {
    if (token == null || !x.getRequestMethod().equals("GET")) return null;
    String given = queryToken(x);
    if (given == null) return null;
    if (!same(given)) return Response.error(401, "wrong token");
    return new Response(303, null, new byte[0]).with("Location", x.getRequestURI().getRawPath())
        .with("Set-Cookie", cookie + "=" + given + "; Path=/; SameSite=Strict");
  }
}
