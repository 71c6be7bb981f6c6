package horde.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole load test as data: who the users are, what they do, how much load, and what must hold.
 * Built by the YAML loader and by the Java API alike; immutable.
 *
 * @param target base URL that request paths are resolved against ({@code http://127.0.0.1:8000})
 * @param variables constants available to templates as {@code ${name}}
 */
public record Scenario(
    String name,
    String target,
    Preflight preflight,
    HttpSettings http,
    RequestDefaults defaults,
    Map<String, String> variables,
    Map<String, FeederSpec> feeders,
    List<UserClass> users,
    LoadProfile load,
    List<Threshold> thresholds,
    SourcePosition position) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    preflight = preflight == null ? Preflight.TCP_CONNECT : preflight;
    http = http == null ? HttpSettings.DEFAULTS : http;
    defaults = defaults == null ? RequestDefaults.NONE : defaults;
    variables = Maps.ordered(variables);
    feeders = Maps.ordered(feeders);
    users = List.copyOf(users);
    Objects.requireNonNull(load, "load");
    thresholds = List.copyOf(thresholds == null ? List.of() : thresholds);
    position = position == null ? SourcePosition.UNKNOWN : position;
    if (users.isEmpty()) throw new IllegalArgumentException("a scenario needs at least one user class");
  }

  /** The same scenario with another target (the {@code --host} flag). */
  public Scenario withTarget(String newTarget) {
    return new Scenario(
        name, newTarget, preflight, http, defaults, variables, feeders, users, load, thresholds,
        position);
  }

  /** The same scenario with another pre-flight check. */
  public Scenario withPreflight(Preflight newPreflight) {
    return new Scenario(
        name, target, newPreflight, http, defaults, variables, feeders, users, load, thresholds,
        position);
  }

  /** The same scenario with another load profile (the {@code --users}/{@code --run-time} flags). */
  public Scenario withLoad(LoadProfile newLoad) {
    return new Scenario(
        name, target, preflight, http, defaults, variables, feeders, users, newLoad, thresholds,
        position);
  }
}
