package horde.dsl;

import horde.scenario.HttpSettings;
import java.time.Duration;

/**
 * Client-side HTTP settings for the whole test; start from the defaults with {@link Dsl#http}.
 *
 * <pre>{@code http().maxConnections(200).connectTimeout("5s").insecure()}</pre>
 */
public final class HttpBuilder {
  private HttpSettings s = HttpSettings.DEFAULTS;

  HttpBuilder() {}

  /** Connections per target host across all users; 0 = no limit. */
  public HttpBuilder maxConnections(int n) {
    s = new HttpSettings(n, s.connectTimeout(), s.insecure(), s.maxRedirects(), s.gzip());
    return this;
  }

  public HttpBuilder connectTimeout(Duration d) {
    s = new HttpSettings(s.maxConnections(), d, s.insecure(), s.maxRedirects(), s.gzip());
    return this;
  }

  public HttpBuilder connectTimeout(String d) {
    return connectTimeout(Times.parse(d, "connect_timeout"));
  }

  /** Accept any TLS certificate (self-signed test targets). */
  public HttpBuilder insecure() {
    s = new HttpSettings(s.maxConnections(), s.connectTimeout(), true, s.maxRedirects(), s.gzip());
    return this;
  }

  /** Redirects followed per request (default 5); 0 follows none. */
  public HttpBuilder maxRedirects(int n) {
    s = new HttpSettings(s.maxConnections(), s.connectTimeout(), s.insecure(), n, s.gzip());
    return this;
  }

  /** Do not ask for compressed answers. */
  public HttpBuilder noGzip() {
    s =
        new HttpSettings(
            s.maxConnections(), s.connectTimeout(), s.insecure(), s.maxRedirects(), false);
    return this;
  }

  HttpSettings build() {
    return s;
  }
}
