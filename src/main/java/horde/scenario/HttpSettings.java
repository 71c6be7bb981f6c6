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
 */
public record HttpSettings(
    int maxConnections, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip) {
  public static final HttpSettings DEFAULTS =
      new HttpSettings(0, Duration.ofSeconds(10), false, 5, true);

  public HttpSettings {
    if (maxConnections < 0) throw new IllegalArgumentException("max_connections must be >= 0");
    if (maxRedirects < 0) throw new IllegalArgumentException("max_redirects must be >= 0");
    if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero())
      throw new IllegalArgumentException("connect_timeout must be positive");
  }
}
