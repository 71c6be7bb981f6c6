package horde.plan;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A target written {@code https://user:password@host} logs in with HTTP Basic, as curl and k6 do.
 * The credentials move from the URL, which reports show (without them), into a header, which no
 * report shows.
 */
final class BasicLogin {
  private BasicLogin() {}

  /** The {@code Authorization} value for the target's user info, or null when it has none. */
  static String header(String target) {
    try {
      String login = new URI(target.strip()).getUserInfo();
      if (login == null) return null;
      return "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    } catch (URISyntaxException e) {
      return null; // the planner reports the bad target
    }
  }

  /** The target as it may be shown: a password in it replaced by {@code ***}. */
  static String shown(String target) {
    return target.replaceFirst("(//[^/@:]*:)[^/@]*@", "$1***@");
  }
}
