package horde.scenario;

import java.time.Duration;

/**
 * What is checked before any load: a GET of {@code path} that must answer 2xx, or, when {@code
 * path} is null, a TCP connect to the target. Disabled, nothing is checked.
 */
public record Preflight(boolean enabled, String path, Duration timeout) {
  public static final Preflight TCP_CONNECT = new Preflight(true, null, Duration.ofSeconds(5));
  public static final Preflight DISABLED = new Preflight(false, null, Duration.ofSeconds(5));

  public static Preflight health(String path) {
    return new Preflight(true, path, Duration.ofSeconds(5));
  }
}
