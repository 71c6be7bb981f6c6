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
 * @param version the HTTP version spoken: 1.1 (the default), 2, or negotiated by ALPN
 * @param maxStreams over HTTP/2, the most requests in flight on one connection (the server's
 *     SETTINGS_MAX_CONCURRENT_STREAMS may allow fewer)
 */
public record HttpSettings(
    int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip, int maxBody,
    Cookies cookies, Version version, int maxStreams) {
  /** 10 MB: a body checked whole is held in memory, once per user receiving one. */
  public static final int DEFAULT_MAX_BODY = 10 << 20;
  /** The most {@code max_body} may be: 1 GB. */
  public static final int MOST_MAX_BODY = 1 << 30;
  /** Streams per HTTP/2 connection unless the scenario says otherwise. */
  public static final int DEFAULT_MAX_STREAMS = 100;
  public static final HttpSettings DEFAULTS =
      new HttpSettings(0, Duration.ofSeconds(10), false, 5, true, DEFAULT_MAX_BODY, Cookies.USER);

  /** The HTTP version spoken to the target. */
  public enum Version {
    /** HTTP/1.1 with keep-alive, one request per connection at a time ({@code version: 1.1}, the default). */
    HTTP_1_1("1.1"),
    /** HTTP/2: h2 over TLS by ALPN, h2c with prior knowledge over http:// ({@code version: 2}). */
    HTTP_2("2"),
    /** h2 when a TLS target offers it by ALPN, else HTTP/1.1 ({@code version: auto}). */
    AUTO("auto");

    private final String word;

    Version(String word) {
      this.word = word;
    }

    /** The YAML word: 1.1, 2 or auto. */
    public String word() {
      return word;
    }

    /** The version a YAML word names, or null. */
    public static Version of(String word) {
      for (Version v : values()) if (v.word.equals(word)) return v;
      return null;
    }
  }

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

  /** HTTP/1.1. */
  public HttpSettings(
      int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip, int maxBody,
      Cookies cookies) {
    this(maxConnections, connectTimeout, insecure, maxRedirects, gzip, maxBody, cookies, Version.HTTP_1_1,
        DEFAULT_MAX_STREAMS);
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
    if (maxStreams < 1) throw new IllegalArgumentException("max_streams must be >= 1");
    cookies = cookies == null ? Cookies.USER : cookies;
    version = version == null ? Version.HTTP_1_1 : version;
  }

  public HttpSettings withMaxConnections(int n) {
    return new HttpSettings(n, connectTimeout, insecure, maxRedirects, gzip, maxBody, cookies, version, maxStreams);
  }

  public HttpSettings withConnectTimeout(Duration d) {
    return new HttpSettings(maxConnections, d, insecure, maxRedirects, gzip, maxBody, cookies, version, maxStreams);
  }

  public HttpSettings withInsecure(boolean on) {
    return new HttpSettings(maxConnections, connectTimeout, on, maxRedirects, gzip, maxBody, cookies, version, maxStreams);
  }

  public HttpSettings withMaxRedirects(int n) {
    return new HttpSettings(maxConnections, connectTimeout, insecure, n, gzip, maxBody, cookies, version, maxStreams);
  }

  public HttpSettings withGzip(boolean on) {
    return new HttpSettings(maxConnections, connectTimeout, insecure, maxRedirects, on, maxBody, cookies, version, maxStreams);
  }

  public HttpSettings withMaxBody(int bytes) {
    return new HttpSettings(maxConnections, connectTimeout, insecure, maxRedirects, gzip, bytes, cookies, version, maxStreams);
  }

  public HttpSettings withCookies(Cookies c) {
    return new HttpSettings(maxConnections, connectTimeout, insecure, maxRedirects, gzip, maxBody, c, version, maxStreams);
  }

  public HttpSettings withVersion(Version v) {
    return new HttpSettings(maxConnections, connectTimeout, insecure, maxRedirects, gzip, maxBody, cookies, v, maxStreams);
  }

  public HttpSettings withMaxStreams(int n) {
    return new HttpSettings(maxConnections, connectTimeout, insecure, maxRedirects, gzip, maxBody, cookies, version, n);
  }
}
