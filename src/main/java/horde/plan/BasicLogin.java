package horde.plan;

import horde.scenario.UrlCredentials;
import horde.template.BoundTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A URL written {@code https://user:password@host} logs in with HTTP Basic, as curl and k6 do:
 * the scenario's target for every request, a request's own URL for that request. The credentials
 * move from the URL, which reports show (without them), into a header, which no report shows.
 */
final class BasicLogin {
  private BasicLogin() {}

  /** The {@code Authorization} value for the target's user info, or null when it has none. */
  static String header(String target) {
    try {
      String login = new URI(target.strip()).getUserInfo();
      return login == null ? null : of(login);
    } catch (URISyntaxException e) {
      return null; // the planner reports the bad target
    }
  }

  /** The {@code Authorization} value for a request URL's user info, rendered as the URL is. */
  static BoundTemplate header(BoundTemplate userInfo) {
    if (userInfo.constant() != null) return BoundTemplate.literal(of(decoded(userInfo.constant())));
    return userInfo.map("Basic (the URL's user info)", info -> of(decoded(info)));
  }

  /** The target as it may be shown: a password in it replaced by {@code ***}. */
  static String shown(String target) {
    return UrlCredentials.hidden(target);
  }

  private static String of(String login) {
    return "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
  }

  /** Percent-escapes decoded, as URI.getUserInfo does; a malformed one is left as written. */
  private static String decoded(String info) {
    try {
      return URLDecoder.decode(info.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return info;
    }
  }
}
