package horde.protocol.http;

import java.time.Duration;
import java.util.List;

/**
 * How the client behaves.
 *
 * @param connectionsPerLoop the most connections one event loop opens to one origin; 0 = no
 *     limit (one per request in flight)
 * @param maxRedirects redirects followed per request; 0 = hand 3xx back as they are
 * @param gzip decompress gzip and deflate answers
 * @param keptHeaders the response headers {@link ResponseHead#header} answers for (names in any
 *     case), or null for every header. A load test keeps only those its checks, saves and rules
 *     read: the others are never made into strings, which is most of what reading an answer would
 *     otherwise allocate
 */
public record ClientSettings(int connectionsPerLoop, Duration connectTimeout, boolean insecure, int maxRedirects,
    boolean gzip, List<String> keptHeaders) {

  public ClientSettings {
    keptHeaders = keptHeaders == null ? null : List.copyOf(keptHeaders);
  }

  /** Settings that keep every response header. */
  public ClientSettings(int connectionsPerLoop, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip) {
    this(connectionsPerLoop, connectTimeout, insecure, maxRedirects, gzip, null);
  }
}
