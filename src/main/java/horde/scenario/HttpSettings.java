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
 */
public record HttpSettings(
    int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip, int maxBody) {
  /** 10 MB: a body checked whole is held in memory, once per user receiving one. */
  public static final int DEFAULT_MAX_BODY = 10 << 20;
  /** The most {@code max_body} may be: 1 GB. */
  public static final int MOST_MAX_BODY = 1 << 30;
  public static final HttpSettings DEFAULTS =
      new HttpSettings(0, Duration.ofSeconds(10), false, 5, true, DEFAULT_MAX_BODY);

  /** With the default body limit. */
  public HttpSettings(int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip) {
    this(maxConnections, connectTimeout, insecure, maxRedirects, gzip, DEFAULT_MAX_BODY);
  }

  public HttpSettings {
    if (maxBody < 1 || maxBody > MOST_MAX_BODY) throw new IllegalArgumentException("max_body must be from 1 byte to 1GB");
    if (maxConnections < 0) throw new IllegalArgumentException("max_connections must be >= 0");
    if (maxRedirects < 0) throw new IllegalArgumentException("max_redirects must be >= 0");
    if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero())
      throw new IllegalArgumentException("connect_timeout must be positive");
  }
}
