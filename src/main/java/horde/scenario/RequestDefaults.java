package horde.scenario;

import java.time.Duration;
import java.util.Map;

/** Headers and timeout that every request gets unless it says otherwise. */
public record RequestDefaults(Map<String, String> headers, Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final RequestDefaults NONE = new RequestDefaults(Map.of(), DEFAULT_TIMEOUT);

  public RequestDefaults {
    headers = Maps.ordered(headers);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }
}
