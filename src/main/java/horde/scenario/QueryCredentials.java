package horde.scenario;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query parameters that carry credentials ({@code ?api_key=...}, {@code &token=...}). A path is
 * also the default name of its endpoint, which every report shows, so a key written literally into
 * it is hidden there. A value that is a whole {@code ${...}} reference stays: it names the secret
 * without holding it.
 */
public final class QueryCredentials {
  static final String HIDDEN = "***";
  private static final Pattern PARAM = Pattern.compile("([?&;])([^=&;#?]+)=([^&;#]*)");
  private static final Set<String> NAMES = Set.of("api_key", "apikey", "key", "x_api_key", "token",
      "access_token", "refresh_token", "id_token", "auth", "auth_token", "session_token", "private_token",
      "jwt", "password", "passwd", "pwd", "secret", "client_secret", "signature", "sig",
      "x_amz_signature", "x_amz_security_token", "x_amz_credential", "x_goog_signature",
      "x_goog_credential");

  private QueryCredentials() {}

  /** The path with the literal values of its credential parameters replaced by {@code ***}. */
  public static String hidden(String path) {
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

  /** Whether a query parameter of this name carries a credential ({@code api_key}, {@code token}, ...). */
  public static boolean isCredential(String name) {
    return NAMES.contains(name.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
  }

  private static boolean isReference(String value) {
    return value.startsWith("${") && value.indexOf('}') == value.length() - 1;
  }
}
