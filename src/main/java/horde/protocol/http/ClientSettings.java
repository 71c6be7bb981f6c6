package horde.protocol.http;

import java.time.Duration;
import java.util.List;

/**
 * How the client behaves.
 *
 * @param connectionsPerLoop the most connections one event loop opens to one origin; 0 = no
 *     limit (one per request in flight; over HTTP/2, one more whenever every open one is full)
 * @param maxRedirects redirects followed per request; 0 = hand 3xx back as they are
 * @param gzip decompress gzip and deflate answers
 * @param keptHeaders the response headers {@link ResponseHead#header} answers for (names in any
 *     case), or null for every header. A load test keeps only those its checks, saves and rules
 *     read: the others are never made into strings, which is most of what reading an answer would
 *     otherwise allocate
 * @param version the HTTP version spoken
 * @param maxStreams over HTTP/2, the most streams in flight on one connection (the server may
 *     allow fewer)
 */
public record ClientSettings(int connectionsPerLoop, Duration connectTimeout, boolean insecure, int maxRedirects,
    boolean gzip, List<String> keptHeaders, Version version, int maxStreams) {

  /** The HTTP version spoken. */
  public enum Version {
    HTTP_1_1,
    /** h2 over TLS (ALPN), h2c with prior knowledge over plain TCP. */
    HTTP_2,
    /** h2 when a TLS server offers it by ALPN, else HTTP/1.1 (plain TCP: HTTP/1.1). */
    AUTO
  }

  public ClientSettings {
    keptHeaders = keptHeaders == null ? null : List.copyOf(keptHeaders);
    version = version == null ? Version.HTTP_1_1 : version;
    if (maxStreams < 1) throw new IllegalArgumentException("maxStreams must be >= 1");
  }

  /** HTTP/1.1 settings. */
  public ClientSettings(int connectionsPerLoop, Duration connectTimeout, boolean insecure, int maxRedirects,
      boolean gzip, List<String> keptHeaders) {
    this(connectionsPerLoop, connectTimeout, insecure, maxRedirects, gzip, keptHeaders, Version.HTTP_1_1, 100);
  }

  /** HTTP/1.1 settings that keep every response header. */
  public ClientSettings(int connectionsPerLoop, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip) {
    this(connectionsPerLoop, connectTimeout, insecure, maxRedirects, gzip, null);
  }
}
