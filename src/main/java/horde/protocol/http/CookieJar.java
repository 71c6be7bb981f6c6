package horde.protocol.http;

import horde.protocol.NanoClock;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.ClientCookieEncoder;
import io.netty.handler.codec.http.cookie.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One virtual user's cookies, as RFC 6265 has a user agent keep them: the domain (host-only when
 * the server gave none), path, expiry (Max-Age, else Expires), Secure (sent over HTTPS only) and
 * HttpOnly (kept: Horde is no script) attributes; SameSite is a rule for browsers' cross-site
 * requests, which a load test does not make, so it is ignored. Netty's codecs parse each
 * {@code Set-Cookie} and write the {@code Cookie} header, which carries the name=value pairs only.
 * Used on its user's event loop only.
 *
 * <pre>{@code
 * jar.store(origin, "/login", "sid=abc; Path=/; HttpOnly");
 * jar.header(origin, "/me");   // "sid=abc"
 * }</pre>
 */
public final class CookieJar {
  /** The most cookies one user keeps; past it the oldest goes (a server minting a new name each time cannot grow a jar without bound). */
  static final int MOST = 200;

  private final NanoClock clock;
  /** Made with the first cookie, as {@link #sending} with the first Cookie header: most users of a load test keep none. */
  private List<Entry> entries = List.of();
  private List<Cookie> sending;
  private long made;

  private record Entry(Cookie cookie, String domain, boolean hostOnly, String path, long expires, long order) {
    boolean expired(long now) {
      return expires != Long.MAX_VALUE && now - expires >= 0;
    }

    boolean sameSlot(Entry o) {
      return cookie.name().equals(o.cookie.name()) && domain.equals(o.domain) && path.equals(o.path);
    }
  }

  public CookieJar(NanoClock clock) {
    this.clock = clock;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public void clear() {
    if (!entries.isEmpty()) entries.clear();
  }

  /** Keeps what one {@code Set-Cookie} header of an answer to {@code requestPath} at {@code origin} says. */
  public void store(Origin origin, CharSequence requestPath, String setCookie) {
    Cookie c = ClientCookieDecoder.LAX.decode(setCookie);
    if (c == null) return;
    String host = origin.connectHost();
    String domain = c.domain() == null ? null : stripDot(c.domain().toLowerCase(Locale.ROOT));
    boolean hostOnly = domain == null || domain.isEmpty();
    if (hostOnly) domain = host;
    else if (!domainMatches(host, domain)) return; // a server may not set cookies for another domain
    String path = c.path() != null && c.path().startsWith("/") ? c.path() : defaultPath(requestPath);
    long now = clock.nanoTime();
    long expires = c.maxAge() == Cookie.UNDEFINED_MAX_AGE ? Long.MAX_VALUE
        : c.maxAge() <= 0 ? now : now + Math.min(c.maxAge(), 100L * 365 * 86_400) * 1_000_000_000L;
    Entry e = new Entry(c, domain, hostOnly, path, expires, made++);
    if (!(entries instanceof ArrayList)) entries = new ArrayList<>();
    entries.removeIf(old -> old.sameSlot(e));
    if (e.expired(now)) return; // an expiry in the past deletes the cookie
    if (entries.size() >= MOST) entries.removeFirst();
    entries.add(e);
  }

  /** Keeps every {@code Set-Cookie} of an answer. */
  public void store(Origin origin, CharSequence requestPath, List<String> setCookies) {
    for (String s : setCookies) store(origin, requestPath, s);
  }

  /**
   * The {@code Cookie} header for a request to {@code path} (its query ignored) at {@code origin}:
   * name=value pairs, longer paths first, then older first; null when no cookie applies.
   */
  public String header(Origin origin, CharSequence path) {
    if (entries.isEmpty()) return null;
    long now = clock.nanoTime();
    entries.removeIf(e -> e.expired(now));
    String host = origin.connectHost();
    String requestPath = pathOnly(path);
    List<Entry> picked = new ArrayList<>();
    for (Entry e : entries) {
      if (e.cookie.isSecure() && !origin.tls()) continue;
      if (e.hostOnly ? !host.equals(e.domain) : !domainMatches(host, e.domain)) continue;
      if (!pathMatches(requestPath, e.path)) continue;
      picked.add(e);
    }
    if (picked.isEmpty()) return null;
    picked.sort((a, b) -> a.path.length() != b.path.length() ? b.path.length() - a.path.length() : Long.compare(a.order, b.order));
    if (sending == null) sending = new ArrayList<>();
    sending.clear();
    for (Entry e : picked) sending.add(e.cookie);
    return ClientCookieEncoder.LAX.encode(sending);
  }

  /** The value of the cookie of this name (the one set last when several paths or domains hold one), or null. */
  public String value(String name) {
    long now = clock.nanoTime();
    Entry found = null;
    for (Entry e : entries) if (e.cookie.name().equals(name) && !e.expired(now) && (found == null || e.order > found.order)) found = e;
    return found == null ? null : found.cookie.value();
  }

  private static String stripDot(String d) {
    return d.startsWith(".") ? d.substring(1) : d;
  }

  /** RFC 6265 5.1.3: the host is the domain, or ends with "." + domain and is not an IP address. */
  static boolean domainMatches(String host, String domain) {
    if (host.equals(domain)) return true;
    return host.endsWith(domain) && host.length() > domain.length()
        && host.charAt(host.length() - domain.length() - 1) == '.' && !isIp(host);
  }

  private static boolean isIp(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(ch -> ch == '.' || (ch >= '0' && ch <= '9'));
  }

  /** RFC 6265 5.1.4: the same path, or a prefix of it ending at a '/'. */
  static boolean pathMatches(String requestPath, String cookiePath) {
    if (requestPath.equals(cookiePath)) return true;
    if (!requestPath.startsWith(cookiePath)) return false;
    return cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/';
  }

  /** RFC 6265 5.1.4: the request path up to, not including, its last '/'; "/" when that leaves nothing. */
  static String defaultPath(CharSequence requestPath) {
    String p = pathOnly(requestPath);
    int last = p.lastIndexOf('/');
    return last <= 0 ? "/" : p.substring(0, last);
  }

  private static String pathOnly(CharSequence path) {
    String p = path.toString();
    int q = p.indexOf('?');
    if (q >= 0) p = p.substring(0, q);
    return p.isEmpty() || p.charAt(0) != '/' ? "/" : p;
  }
}
