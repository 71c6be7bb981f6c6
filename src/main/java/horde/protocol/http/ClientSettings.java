package horde.protocol.http;

import java.time.Duration;

/**
 * How the client behaves.
 *
 * @param connectionsPerLoop the most connections one event loop opens to one origin; 0 = no
 *     limit (one per request in flight)
 * @param maxRedirects redirects followed per request; 0 = hand 3xx back as they are
 */
public record ClientSettings(
    int connectionsPerLoop, Duration connectTimeout, boolean insecure, int maxRedirects, boolean gzip) {}
