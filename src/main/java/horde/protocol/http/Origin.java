package horde.protocol.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** Where connections go: scheme, host and port. Pools are kept per origin. Immutable. */
public final class Origin {
  private final String scheme;
  private final String host;
  private final int port;
  private final String hostHeader;
  private final int hash;

  public Origin(String scheme, String host, int port) {
    this.scheme = scheme.toLowerCase(Locale.ROOT);
    this.host = host.toLowerCase(Locale.ROOT);
    this.port = port > 0 ? port : this.scheme.equals("https") ? 443 : 80;
    String h = this.host.contains(":") && !this.host.startsWith("[") ? "[" + this.host + "]" : this.host;
    boolean defaultPort = tls() ? this.port == 443 : this.port == 80;
    this.hostHeader = defaultPort ? h : h + ":" + this.port; // made once: it goes into every request
    this.hash = Objects.hash(this.scheme, this.host, this.port);
  }

  public static Origin of(URI uri) {
    return new Origin(uri.getScheme(), uri.getHost(), uri.getPort());
  }

  public String scheme() {
    return scheme;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public boolean tls() {
    return scheme.equals("https");
  }

  /** The Host header value: the port only when it is not the scheme's default. */
  public String hostHeader() {
    return hostHeader;
  }

  /** The host to connect to, without IPv6 brackets. */
  public String connectHost() {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Origin other && other.port == port && other.host.equals(host) && other.scheme.equals(scheme);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return scheme + "://" + hostHeader;
  }
}
