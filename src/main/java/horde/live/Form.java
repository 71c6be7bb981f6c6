package horde.live;

import java.util.List;
import java.util.Map;

/**
 * What the start form asks for: a scenario, and how to run it.
 *
 * @param scenario a file under the working directory (relative path) or an uploaded one's name
 * @param mode {@code scenario}: the load as the file writes it (users, stages, arrival rate or
 *     phases); {@code users}: a closed load of {@code users} started {@code spawnRate} a second;
 *     {@code rate}: an open load of {@code rate} iterations a second
 * @param runTime e.g. {@code 5m}; blank: until stopped (at most {@link #LONGEST})
 * @param host replaces the scenario's target when not blank
 * @param userClasses only these classes; empty: all
 */
public record Form(String scenario, String mode, Integer users, Double spawnRate, Double rate, String runTime,
    String host, List<String> userClasses) {
  /** How long a test started without a run time may run. */
  public static final String LONGEST = "24h";

  public Form {
    mode = mode == null || mode.isBlank() ? "scenario" : mode;
    if (!List.of("scenario", "users", "rate").contains(mode))
      throw new IllegalArgumentException("mode is scenario, users or rate, not '" + mode + "'");
    userClasses = userClasses == null ? List.of() : List.copyOf(userClasses);
    runTime = runTime == null || runTime.isBlank() ? null : runTime.strip();
    host = host == null || host.isBlank() ? null : host.strip();
  }

  /** Locust's {@code POST /swarm} fields: {@code user_count}, {@code spawn_rate}, {@code host}, {@code run_time}, {@code user_classes}. */
  public static Form locust(String scenario, Map<String, List<String>> fields) {
    Integer users = number(fields, "user_count") == null ? null : (int) Math.round(number(fields, "user_count"));
    return new Form(scenario, "users", users, number(fields, "spawn_rate"), null, first(fields, "run_time"),
        first(fields, "host"), fields.getOrDefault("user_classes", List.of()));
  }

  private static String first(Map<String, List<String>> fields, String name) {
    List<String> v = fields.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static Double number(Map<String, List<String>> fields, String name) {
    String v = first(fields, name);
    if (v == null || v.isBlank()) return null;
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + clip(v) + "'");
    }
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
