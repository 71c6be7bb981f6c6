package horde.dsl;

import horde.scenario.HttpSettings;
import horde.scenario.Sizes;
import java.time.Duration;

/**
 * Client-side HTTP settings for the whole test; start from the defaults with {@link Dsl#http}.
 *
 * <pre>{@code http().maxConnections(200).connectTimeout("5s").insecure().version("2")}</pre>
 */
public final class HttpBuilder {
  private HttpSettings s = HttpSettings.DEFAULTS;

  HttpBuilder() {}

  /** Connections per target host across all users; 0 = no limit. */
  public HttpBuilder maxConnections(int n) {
    s = s.withMaxConnections(n);
    return this;
  }

  public HttpBuilder connectTimeout(Duration d) {
    s = s.withConnectTimeout(d);
    return this;
  }

  public HttpBuilder connectTimeout(String d) {
    return connectTimeout(Times.parse(d, "connect_timeout"));
  }

  /** Accept any TLS certificate (self-signed test targets). */
  public HttpBuilder insecure() {
    s = s.withInsecure(true);
    return this;
  }

  /** Redirects followed per request (default 5); 0 follows none. */
  public HttpBuilder maxRedirects(int n) {
    s = s.withMaxRedirects(n);
    return this;
  }

  /** Do not ask for compressed answers. */
  public HttpBuilder noGzip() {
    s = s.withGzip(false);
    return this;
  }

  /**
   * The largest answer body kept for checks and saves (default 10MB); a longer one fails its
   * request as {@code body too large}: bytes, or with a unit, like {@code "512KB"} or {@code "50MB"}.
   */
  public HttpBuilder maxBody(String size) {
    long bytes;
    try {
      bytes = Sizes.parse(size);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("max_body: " + e.getMessage());
    }
    if (bytes < 1 || bytes > HttpSettings.MOST_MAX_BODY) throw new IllegalArgumentException("max_body: '" + size + "' must be from 1 byte to 1GB");
    s = s.withMaxBody((int) bytes);
    return this;
  }

  /** No cookie jar: users keep no cookie and send none ({@code cookies: false}). */
  public HttpBuilder noCookies() {
    s = s.withCookies(HttpSettings.Cookies.OFF);
    return this;
  }

  /** Each user's cookie jar is emptied before each iteration ({@code cookies: per_iteration}). */
  public HttpBuilder cookiesPerIteration() {
    s = s.withCookies(HttpSettings.Cookies.ITERATION);
    return this;
  }

  /**
   * The HTTP version: {@code "1.1"} (the default), {@code "2"} (h2 over TLS by ALPN, h2c with prior
   * knowledge over http://) or {@code "auto"} (h2 when a TLS target offers it, else 1.1).
   */
  public HttpBuilder version(String version) {
    HttpSettings.Version v = HttpSettings.Version.of(version == null ? "" : version.strip());
    if (v == null) throw new IllegalArgumentException("version: '" + version + "' must be 1.1, 2 or auto");
    s = s.withVersion(v);
    return this;
  }

  /** Over HTTP/2, requests in flight on one connection (default 100; the server may allow fewer). */
  public HttpBuilder maxStreams(int n) {
    if (n < 1) throw new IllegalArgumentException("max_streams: " + n + " must be >= 1");
    s = s.withMaxStreams(n);
    return this;
  }

  HttpSettings build() {
    return s;
  }
}
