package horde.scenario;

import java.time.Duration;

/**
 * Client-side HTTP behaviour for the whole test.
 *
 * @param maxConnections connections per target host across all users; 0 = no limit (one per
 *     request in flight, reused with keep-alive)
 * @param insecure accept any TLS certificate (self-signed test targets)
 * @param maxRedirects redirects followed per request; 0 = none followed
 * @param gzip ask for {@code gzip, deflate} and decompress the answer
 * @param maxBody bytes of an answer's body kept for the checks and saves that need it; a longer
 *     body fails its request as {@code body too large}
 * @param cookies whether each user keeps a cookie jar, and for how long
 */
public record HttpSettings(
    int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip, int maxBody,
    Cookies cookies) {
  /** 10 MB: a body checked whole is held in memory, once per user receiving one. */
  public static final int DEFAULT_MAX_BODY = 10 << 20;
  /** The most {@code max_body} may be: 1 GB. */
  public static final int MOST_MAX_BODY = 1 << 30;
  public static final HttpSettings DEFAULTS =
      new HttpSettings(0, Duration.ofSeconds(10), false, 5, true, DEFAULT_MAX_BODY, Cookies.USER);

  /** Whose cookie jar is kept how long. */
  public enum Cookies {
    /** None kept, none sent ({@code cookies: false}). */
    OFF,
    /** A jar per user, emptied when the user starts over ({@code cookies: true}, the default). */
    USER,
    /** A jar per user, emptied before each iteration ({@code cookies: per_iteration}), as k6 does. */
    ITERATION;

    /** The YAML word: true, false or per_iteration. */
    public String word() {
      return switch (this) {
        case OFF -> "false";
        case USER -> "true";
        case ITERATION -> "per_iteration";
      };
    }
  }

  /** With the default body limit. */
  public HttpSettings(int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip) {
    this(maxConnections, connectTimeout, insecure, maxRedirects, gzip, DEFAULT_MAX_BODY);
  }

  /** With the default cookies. */
  public HttpSettings(
      int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip, int maxBody) {
    this(maxConnections, connectTimeout, insecure, maxRedirects, gzip, maxBody, Cookies.USER);
  }

  public HttpSettings {
    if (maxBody < 1 || maxBody > MOST_MAX_BODY) throw new IllegalArgumentException("max_body must be from 1 byte to 1GB");
    if (maxConnections < 0) throw new IllegalArgumentException("max_connections must be >= 0");
    if (maxRedirects < 0) throw new IllegalArgumentException("max_redirects must be >= 0");
    if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero())
      throw new IllegalArgumentException("connect_timeout must be positive");
    cookies = cookies == null ? Cookies.USER : cookies;
  }

  public HttpSettings withMaxConnections(int n) {
    return new HttpSettings(n, connectTimeout, insecure, maxRedirects, gzip, maxBody, cookies);
  }

  public HttpSettings withConnectTimeout(Duration d) {
    return new HttpSettings(maxConnections, d, insecure, maxRedirects, gzip, maxBody, cookies);
  }

  public HttpSettings withInsecure(boolean on) {
    return new HttpSettings(maxConnections, connectTimeout, on, maxRedirects, gzip, maxBody, cookies);
  }

  public HttpSettings withMaxRedirects(int n) {
    return new HttpSettings(maxConnections, connectTimeout, insecure, n, gzip, maxBody, cookies);
  }

  public HttpSettings withGzip(boolean on) {
    return new HttpSettings(maxConnections, connectTimeout, insecure, maxRedirects, on, maxBody, cookies);
  }

  public HttpSettings withMaxBody(int bytes) {
    return new HttpSettings(maxConnections, connectTimeout, insecure, maxRedirects, gzip, bytes, cookies);
  }

  public HttpSettings withCookies(Cookies c) {
    return new HttpSettings(maxConnections, connectTimeout, insecure, maxRedirects, gzip, maxBody, c);
  }
}
