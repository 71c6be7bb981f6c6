package horde.engine;

import horde.protocol.http.CookieJar;
import horde.protocol.http.Origin;
import horde.scenario.HttpSettings;
import java.net.URI;

/**
 * A user's cookies, the one piece of HTTP state it keeps between requests: its {@link HttpSession}
 * (exchange, buffers, response) is lent by its loop only while a request is in flight, so an idle
 * user holds this jar and nothing else of HTTP.
 */
final class UserCookies implements UserResource {
  static final ResourceKey<UserCookies> KEY = new ResourceKey<>(UserCookies::new);

  private final HttpSettings.Cookies mode;
  /** Null when cookies are off. */
  final CookieJar jar;

  private UserCookies(VirtualUser user) {
    this.mode = user.run.plan.scenario().http().cookies();
    this.jar = mode == HttpSettings.Cookies.OFF ? null : new CookieJar(user.run.clock);
  }

  /** The Cookie header the jar has for a WebSocket's opening handshake to {@code uri}, or null. */
  String header(URI uri) {
    if (jar == null || jar.isEmpty()) return null;
    String scheme = "wss".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()) ? "https" : "http";
    return jar.header(new Origin(scheme, uri.getHost(), uri.getPort()),
        uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
  }

  /** The value of the user's cookie of this name, or null. */
  String value(String name) {
    return jar == null ? null : jar.value(name);
  }

  @Override
  public void restart() {
    if (jar != null) jar.clear();
  }

  @Override
  public void nextIteration() {
    if (mode == HttpSettings.Cookies.ITERATION) jar.clear();
  }
}
