package horde.scenario;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials written into a URL: a user and password before the host ({@code
 * http://bob:PW@host/x}) and query parameters that carry them ({@code ?api_key=...}, {@code
 * &token=...}). A path is also the default name of its endpoint, which every report shows, so these
 * are hidden there: {@code http://bob:***@host/x?api_key=***}. A value that is a whole {@code ${...}}
 * reference stays: it names the secret without holding it.
 */
public final class UrlCredentials {
  static final String HIDDEN = "***";
  private static final Pattern PARAM = Pattern.compile("([?&;])([^=&;#?]+)=([^&;#]*)");
  private static final Set<String> NAMES = Set.of("api_key", "apikey", "key", "x_api_key", "token",
      "access_token", "refresh_token", "id_token", "auth", "auth_token", "session_token", "private_token",
      "jwt", "password", "passwd", "pwd", "secret", "client_secret", "signature", "sig",
      "x_amz_signature", "x_amz_security_token", "x_amz_credential", "x_goog_signature",
      "x_goog_credential");

  /** The schemes whose URLs can carry a user and password: HTTP's and WebSocket's. */
  private static final Set<String> SCHEMES = Set.of("http", "https", "ws", "wss");

  private UrlCredentials() {}

  /** The URL with its password (or a user without one) and credential parameters replaced by {@code ***}. */
  public static String hidden(String url) {
    return hiddenQuery(hiddenUserInfo(url));
  }

  /** Whether a parameter or field of this name carries a credential ({@code api_key}, {@code Access-Token}). */
  public static boolean isCredential(String name) {
    return NAMES.contains(name.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
  }

  /** The user info of an absolute http(s) or ws(s) URL as written ({@code bob:PW}, may hold templates), or null. */
  public static String userInfo(String url) {
    int[] at = userInfoAt(url);
    return at == null ? null : url.substring(at[0], at[1]);
  }

  /** The URL without its user info and the {@code @} after it; unchanged when it has none. */
  public static String withoutUserInfo(String url) {
    int[] at = userInfoAt(url);
    return at == null ? url : url.substring(0, at[0]) + url.substring(at[1] + 1);
  }

  private static String hiddenUserInfo(String url) {
    int[] at = userInfoAt(url);
    if (at == null) return url;
    String info = url.substring(at[0], at[1]);
    int colon = info.indexOf(':');
    String secret = colon < 0 ? info : info.substring(colon + 1);
    if (secret.isEmpty() || isReference(secret)) return url;
    String shown = colon < 0 ? HIDDEN : info.substring(0, colon + 1) + HIDDEN;
    return url.substring(0, at[0]) + shown + url.substring(at[1]);
  }

  /**
   * Where the user info lies: {start, end} with the {@code @} at end, or null. The authority ends
   * at the first / ? or # outside a {@code ${...}}, and the user info at its last {@code @}.
   */
  private static int[] userInfoAt(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0 || !SCHEMES.contains(url.substring(0, scheme).toLowerCase(Locale.ROOT))) return null;
    int start = scheme + 3;
    int at = -1;
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '$' && i + 1 < url.length() && url.charAt(i + 1) == '{') {
        int close = url.indexOf('}', i);
        if (close < 0) break;
        i = close;
      } else if (c == '/' || c == '?' || c == '#') {
        break;
      } else if (c == '@') {
        at = i;
      }
    }
    return at < 0 ? null : new int[] {start, at};
  }

  private static String hiddenQuery(String path) {
    if (path.indexOf('?') < 0) return path;
    Matcher m = PARAM.matcher(path);
    StringBuilder out = new StringBuilder(path.length());
    while (m.find()) {
      String value = m.group(3);
      boolean hide = isCredential(m.group(2)) && !value.isEmpty() && !isReference(value);
      m.appendReplacement(out, Matcher.quoteReplacement(hide ? m.group(1) + m.group(2) + "=" + HIDDEN : m.group()));
    }
    return m.appendTail(out).toString();
  }

  private static boolean isReference(String value) {
    return value.startsWith("${") && value.indexOf('}') == value.length() - 1;
  }
}
