package horde.protocol.http;

import java.net.URI;
import java.util.Locale;

/** Where connections go: scheme, host and port. Pools are kept per origin. */
public record Origin(String scheme, String host, int port) {
  public Origin {
    scheme = scheme.toLowerCase(Locale.ROOT);
    host = host.toLowerCase(Locale.ROOT);
    if (port <= 0) port = scheme.equals("https") ? 443 : 80;
  }

  public static Origin of(URI uri) {
    return new Origin(uri.getScheme(), uri.getHost(), uri.getPort());
  }

  public boolean tls() {
    return scheme.equals("https");
  }

  /** The Host header value: the port only when it is not the scheme's default. */
  public String hostHeader() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    boolean defaultPort = tls() ? port == 443 : port == 80;
    return defaultPort ? h : h + ":" + port;
  }

  /** The host to connect to, without IPv6 brackets. */
  public String connectHost() {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  @Override
  public String toString() {
    return scheme + "://" + hostHeader();
  }
}
