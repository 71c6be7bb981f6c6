package horde.scenario;

import java.time.Duration;
import java.util.Locale;

/**
 * Client-side HTTP behaviour for the whole test.
 *
 * @param maxConnections connections per target host across all users; 0 = no limit (one per
 *     request in flight, reused with keep-alive; with HTTP/2, one per {@code maxStreams} requests)
 * @param insecure accept any TLS certificate (self-signed test targets)
 * @param maxRedirects redirects followed per request; 0 = none followed
 * @param gzip ask for {@code gzip, deflate} and decompress the answer
 * @param maxBody bytes of an answer's body kept for the checks and saves that need it; a longer
 *     body fails its request as {@code body too large}
 * @param cookies whether each user keeps a cookie jar, and for how long
 * @param version the HTTP version spoken
 * @param maxStreams HTTP/2: requests in flight at once on one connection (its concurrent streams);
 *     fewer when the server allows fewer
 */
public record HttpSettings(
    int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip, int maxBody,
    Cookies cookies, Version version, int maxStreams) {
  /** 10 MB: a body checked whole is held in memory, once per user receiving one. */
  public static final int DEFAULT_MAX_BODY = 10 << 20;
  /** The most {@code max_body} may be: 1 GB. */
  public static final int MOST_MAX_BODY = 1 << 30;
  /** Streams per HTTP/2 connection unless said: nginx's and most servers' own limit. */
  public static final int DEFAULT_MAX_STREAMS = 100;
  public static final HttpSettings DEFAULTS = new HttpSettings(0, Duration.ofSeconds(10), false, 5, true,
      DEFAULT_MAX_BODY, Cookies.USER, Version.HTTP_1_1, DEFAULT_MAX_STREAMS);

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

  /** The HTTP version spoken to the target. */
  public enum Version {
    HTTP_1_1,
    /** HTTP/2 only: over TLS negotiated with ALPN, in clear text with prior knowledge (h2c). */
    HTTP_2,
    /** Over TLS, what ALPN agrees on (HTTP/2 when the server offers it); in clear text, HTTP/1.1. */
    AUTO;

    /** The YAML word: 1.1, 2 or auto. */
    public String word() {
      return switch (this) {
        case HTTP_1_1 -> "1.1";
        case HTTP_2 -> "2";
        case AUTO -> "auto";
      };
    }

    public static Version parse(String word) {
      return switch (word.strip().toLowerCase(Locale.ROOT)) {
        case "1.1", "1", "http/1.1" -> HTTP_1_1;
        case "2", "2.0", "h2", "http/2" -> HTTP_2;
        case "auto" -> AUTO;
        default -> throw new IllegalArgumentException("version: expected 1.1, 2 or auto, found '" + word + "'");
      };
    }
  }

  /** With the default body limit. */
  public HttpSettings(int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip) {
    this(maxConnections, connectTimeout, insecure, maxRedirects, gzip, DEFAULT_MAX_BODY);
  }

  /** With the default cookies, version and streams. */
  public HttpSettings(
      int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip, int maxBody) {
    this(maxConnections, connectTimeout, insecure, maxRedirects, gzip, maxBody, Cookies.USER, Version.HTTP_1_1,
        DEFAULT_MAX_STREAMS);
  }

  public HttpSettings {
    if (maxBody < 1 || maxBody > MOST_MAX_BODY) throw new IllegalArgumentException("max_body must be from 1 byte to 1GB");
    if (maxConnections < 0) throw new IllegalArgumentException("max_connections must be >= 0");
    if (maxRedirects < 0) throw new IllegalArgumentException("max_redirects must be >= 0");
    if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero())
      throw new IllegalArgumentException("connect_timeout must be positive");
    if (maxStreams < 1) throw new IllegalArgumentException("max_streams must be at least 1");
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
