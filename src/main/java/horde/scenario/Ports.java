package horde.scenario;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The port of a URL, checked as a socket will use it: {@link URI} accepts any digits after the
 * colon, but only 1 to 65535 can be connected to, and a port too long for an int leaves the URI
 * without a host at all.
 *
 * <pre>{@code String why = Ports.problem(URI.create("http://127.0.0.1:99999"));  // "port 99999 is out of range; ..."}</pre>
 */
public final class Ports {
  public static final int MAX = 65_535;
  private static final Pattern TRAILING_PORT = Pattern.compile(":(\\d+)$");

  private Ports() {}

  /** Why the URL's port cannot be used, or null when it can (or is left to the scheme's default). */
  public static String problem(URI uri) {
    String digits = digits(uri);
    if (digits == null) return null;
    if (digits.length() <= 5 && Integer.parseInt(digits) >= 1 && Integer.parseInt(digits) <= MAX) return null;
    return "port " + digits + " is out of range; a port is 1 to " + MAX;
  }

  /** The port as written, or null when none is. */
  private static String digits(URI uri) {
    if (uri.getHost() != null) return uri.getPort() == -1 ? null : String.valueOf(uri.getPort());
    String authority = uri.getRawAuthority();
    if (authority == null) return null;
    Matcher m = TRAILING_PORT.matcher(authority);
    return m.find() ? m.group(1) : null;
  }

  /** Where the port starts in {@code url} (in chars), for pointing at it; 0 when it is not found. */
  public static int offset(String url, URI uri) {
    String digits = digits(uri);
    if (digits == null) return 0;
    int authority = url.indexOf("//");
    int at = url.indexOf(":" + digits, Math.max(0, authority));
    return at < 0 ? 0 : at + 1;
  }
}
