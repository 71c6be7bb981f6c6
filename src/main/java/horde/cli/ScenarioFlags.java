package horde.cli;

import horde.scenario.Preflight;
import horde.scenario.Scenario;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line's changes to a scenario: {@code --host}, {@code --skip-preflight}, the user
 * classes ({@code --user-classes} or named after the options), {@code --equal-weights} and the
 * load flags, applied as {@code run} applies them. A cluster's workers
 * get them as text ({@link #asMap}) and apply them to the same scenario, so they run what the
 * coordinator planned.
 */
record ScenarioFlags(String host, boolean skipPreflight, List<String> userClasses, boolean equalWeights, LoadOverrides load,
    String search) {
  ScenarioFlags {
    userClasses = userClasses == null ? null : List.copyOf(userClasses);
  }

  Scenario apply(Scenario s, PrintWriter err) {
    if (host != null) s = s.withTarget(host);
    if (skipPreflight) s = s.withPreflight(Preflight.DISABLED);
    if (userClasses != null) s = UserClassFilter.apply(s, userClasses, err);
    if (equalWeights) s = s.withEqualWeights();
    if (search != null) {
      if (load.any()) throw new IllegalArgumentException("--search sets each step's load; leave out --users, --run-time,"
          + " --requests and --warmup (use step= and warmup= inside --search)");
      if (s.thresholds().isEmpty()) throw new IllegalArgumentException("--search needs the scenario's thresholds to tell"
          + " a level that holds from one past the knee; add some, like thresholds: [p95 < 2s, error_rate < 1%]");
      return s.withSearch(SearchFlag.parse(search));
    }
    if (!load.any()) return s;
    if (!s.phases().isEmpty())
      throw new IllegalArgumentException("the scenario runs " + s.phases().size() + " phases, each with its own load; "
          + "load flags (--users, --run-time, --requests, --warmup...) would replace them all. Change the phases in the file");
    if (s.search() != null)
      throw new IllegalArgumentException("the scenario searches for its knee, so load flags (--users, --run-time...) have"
          + " no run to change; change load.search in the file, or give --search");
    return s.withLoad(load.apply(s.load()));
  }

  Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "host", host);
    if (skipPreflight) m.put("skip-preflight", "true");
    if (userClasses != null) m.put("user-classes", String.join(",", userClasses));
    if (equalWeights) m.put("equal-weights", "true");
    put(m, "users", load.users());
    put(m, "spawn-rate", load.spawnRate());
    put(m, "run-time", load.runTime());
    put(m, "requests", load.requests());
    put(m, "concurrency", load.concurrency());
    put(m, "warmup", load.warmup());
    put(m, "search", search);
    return m;
  }

  static ScenarioFlags of(Map<String, String> m) {
    String classes = m.get("user-classes");
    return new ScenarioFlags(m.get("host"), "true".equals(m.get("skip-preflight")),
        classes == null ? null : Arrays.asList(classes.split(",")), "true".equals(m.get("equal-weights")),
        new LoadOverrides(m.containsKey("users") ? Integer.valueOf(m.get("users")) : null,
            m.containsKey("spawn-rate") ? Double.valueOf(m.get("spawn-rate")) : null, m.get("run-time"),
            m.containsKey("requests") ? Long.valueOf(m.get("requests")) : null,
            m.containsKey("concurrency") ? Integer.valueOf(m.get("concurrency")) : null, m.get("warmup")), m.get("search"));
  }

  private static void put(Map<String, String> m, String key, Object value) {
    if (value != null) m.put(key, value.toString());
  }
}
