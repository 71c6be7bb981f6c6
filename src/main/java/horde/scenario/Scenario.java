package horde.scenario;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A whole load test as data: who the users are, what they do, how much load, and what must hold.
 * Built by the YAML loader and by the Java API alike; immutable.
 *
 * @param target base URL that request paths are resolved against ({@code http://127.0.0.1:8000})
 * @param variables constants available to templates as {@code ${name}}
 * @param setup steps run once before the load (log in, create a tenant); what they save is every
 *     user's starting value. A failure aborts the test.
 * @param teardown steps run once after the load
 * @param load the load of a single run; with phases, the first phase's
 * @param thresholds criteria on the whole run (with phases: on all phases together)
 * @param grades a grade table for the whole run
 * @param phases named runs executed in order; empty for a single run of {@code load}
 * @param llm token counting, prices and the cache-hit rule
 * @param compare how {@code horde compare} judges this scenario's runs ({@code compare:} section)
 * @param monitor the target's Prometheus endpoints scraped during the run, or null
 * @param search a capacity search instead of one run of {@code load}, or null; {@code load} is then
 *     its first step
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
    List<Step> setup,
    List<Step> teardown,
    LoadProfile load,
    List<Threshold> thresholds,
    List<Grade> grades,
    List<Phase> phases,
    LlmSettings llm,
    SourcePosition position,
    CompareSettings compare,
    Monitor monitor,
    Search search) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    preflight = preflight == null ? Preflight.TCP_CONNECT : preflight;
    http = http == null ? HttpSettings.DEFAULTS : http;
    defaults = defaults == null ? RequestDefaults.NONE : defaults;
    variables = Maps.ordered(variables);
    feeders = Maps.ordered(feeders);
    users = List.copyOf(users);
    setup = List.copyOf(setup == null ? List.of() : setup);
    teardown = List.copyOf(teardown == null ? List.of() : teardown);
    phases = List.copyOf(phases == null ? List.of() : phases);
    if (load == null && !phases.isEmpty()) load = phases.get(0).load();
    if (load == null && search != null) load = search.load(search.from());
    if (search != null && !phases.isEmpty()) throw new IllegalArgumentException("a search runs its own steps, not phases");
    Objects.requireNonNull(load, "load");
    thresholds = List.copyOf(thresholds == null ? List.of() : thresholds);
    grades = List.copyOf(grades == null ? List.of() : grades);
    llm = llm == null ? LlmSettings.NONE : llm;
    position = position == null ? SourcePosition.UNKNOWN : position;
    compare = compare == null ? CompareSettings.NONE : compare;
    if (users.isEmpty()) throw new IllegalArgumentException("a scenario needs at least one user class");
  }

  /**
   * A scenario from named parts; a part not given is null, which the record turns into its default
   * (the TCP pre-flight check, no variables, no phases...).
   *
   * <pre>{@code
   * Scenario.builder("smoke", "http://127.0.0.1:8000").users(List.of(user)).load(load).build()
   * }</pre>
   */
  public static Builder builder(String name, String target) {
    return new Builder(name, target);
  }

  /**
   * A builder holding this scenario's parts, to change a few. Its load is already the first phase's
   * or the search's first step, so give it again (null takes it from them) when those loads change.
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The same scenario with another target (the {@code --host} flag). */
  public Scenario withTarget(String newTarget) {
    return toBuilder().target(newTarget).build();
  }

  /** The same scenario with another pre-flight check. */
  public Scenario withPreflight(Preflight newPreflight) {
    return toBuilder().preflight(newPreflight).build();
  }

  /** The same scenario as a single run of another load (the {@code --users}/{@code --run-time} flags). */
  public Scenario withLoad(LoadProfile newLoad) {
    return toBuilder().load(newLoad).phases(List.of()).search(null).build();
  }

  /** The same scenario as a capacity search (the {@code --search} flag): no phases, its load the first step. */
  public Scenario withSearch(Search newSearch) {
    return toBuilder().load(newSearch.load(newSearch.from())).phases(List.of()).search(newSearch).build();
  }

  /** Only the named user classes (the {@code --user-classes} flag); unknown names are an error. */
  public Scenario withUserClasses(Set<String> names) {
    List<String> known = users.stream().map(UserClass::name).toList();
    for (String n : names) {
      if (!known.contains(n))
        throw new IllegalArgumentException("no user class '" + n + "'" + Suggest.didYouMean(n, known)
            + "; the scenario has: " + String.join(", ", known));
    }
    return toBuilder().users(users.stream().filter(u -> names.contains(u.name())).toList()).build();
  }

  /**
   * Every user class and task that runs at all at weight 1, as Locust's {@code --equal-weights}
   * does: each class as many users, each task as often. Weight 0 stays 0 (never run).
   */
  public Scenario withEqualWeights() {
    List<UserClass> equal = users.stream().map(u -> new UserClass(u.name(), Math.min(u.weight(), 1), u.waitTime(),
        u.onStart(), u.tasks().stream().map(t -> new Task(t.name(), Math.min(t.weight(), 1), t.steps(), t.position()))
            .toList(), u.onStop(), u.position())).toList();
    return toBuilder().users(equal).build();
  }

  /** The runs to execute: the phases, or the single run as one phase named after the scenario. */
  public List<Phase> runs() {
    return phases.isEmpty() ? List.of(new Phase(name, load, thresholds, grades, position)) : phases;
  }

  /** Every step the users, setup and teardown run, nested ones (in groups, loops, polls) included. */
  public void visitSteps(Consumer<Step> each) {
    for (UserClass u : users) {
      Steps.visit(u.onStart(), each);
      u.tasks().forEach(t -> Steps.visit(t.steps(), each));
      Steps.visit(u.onStop(), each);
    }
    Steps.visit(setup, each);
    Steps.visit(teardown, each);
  }

  /** The names a threshold can give as its endpoint: tasks, requests (their name or path), groups. */
  public Set<String> endpointNames() {
    Set<String> out = new LinkedHashSet<>();
    users.forEach(u -> u.tasks().forEach(t -> out.add(t.name())));
    visitSteps(step -> {
      switch (step) {
        case Request r -> out.add(r.endpointName());
        case Group g -> out.add(g.name());
        default -> {}
      }
    });
    for (UserClass u : users) {
      WsStep.Connect[] socket = {null}; // the socket a user's awaits use: the last one it opened before them
      Consumer<Step> ws = step -> {
        if (step instanceof WsStep.Connect c) out.add((socket[0] = c).endpointName());
        if (step instanceof WsStep.Await a) out.add(a.endpointName(socket[0] == null ? null : socket[0].endpointName()));
      };
      Steps.visit(u.onStart(), ws);
      u.tasks().forEach(t -> Steps.visit(t.steps(), ws));
      Steps.visit(u.onStop(), ws);
    }
    return out;
  }

  /** Collects a {@link Scenario}'s parts by name; {@link #build()} checks them as the record does. */
  public static final class Builder {
    private final String name;
    private String target;
    private Preflight preflight;
    private HttpSettings http;
    private RequestDefaults defaults;
    private Map<String, String> variables;
    private Map<String, FeederSpec> feeders;
    private List<UserClass> users;
    private List<Step> setup;
    private List<Step> teardown;
    private LoadProfile load;
    private List<Threshold> thresholds;
    private List<Grade> grades;
    private List<Phase> phases;
    private LlmSettings llm;
    private SourcePosition position;
    private CompareSettings compare;
    private Monitor monitor;
    private Search search;

    private Builder(String name, String target) {
      this.name = name;
      this.target = target;
    }

    private Builder(Scenario s) {
      name = s.name;
      target = s.target;
      preflight = s.preflight;
      http = s.http;
      defaults = s.defaults;
      variables = s.variables;
      feeders = s.feeders;
      users = s.users;
      setup = s.setup;
      teardown = s.teardown;
      load = s.load;
      thresholds = s.thresholds;
      grades = s.grades;
      phases = s.phases;
      llm = s.llm;
      position = s.position;
      compare = s.compare;
      monitor = s.monitor;
      search = s.search;
    }

    public Builder target(String target) {
      this.target = target;
      return this;
    }

    public Builder preflight(Preflight preflight) {
      this.preflight = preflight;
      return this;
    }

    public Builder http(HttpSettings http) {
      this.http = http;
      return this;
    }

    public Builder defaults(RequestDefaults defaults) {
      this.defaults = defaults;
      return this;
    }

    public Builder variables(Map<String, String> variables) {
      this.variables = variables;
      return this;
    }

    public Builder feeders(Map<String, FeederSpec> feeders) {
      this.feeders = feeders;
      return this;
    }

    public Builder users(List<UserClass> users) {
      this.users = users;
      return this;
    }

    public Builder setup(List<Step> setup) {
      this.setup = setup;
      return this;
    }

    public Builder teardown(List<Step> teardown) {
      this.teardown = teardown;
      return this;
    }

    public Builder load(LoadProfile load) {
      this.load = load;
      return this;
    }

    public Builder thresholds(List<Threshold> thresholds) {
      this.thresholds = thresholds;
      return this;
    }

    public Builder grades(List<Grade> grades) {
      this.grades = grades;
      return this;
    }

    public Builder phases(List<Phase> phases) {
      this.phases = phases;
      return this;
    }

    public Builder llm(LlmSettings llm) {
      this.llm = llm;
      return this;
    }

    public Builder position(SourcePosition position) {
      this.position = position;
      return this;
    }

    public Builder compare(CompareSettings compare) {
      this.compare = compare;
      return this;
    }

    public Builder monitor(Monitor monitor) {
      this.monitor = monitor;
      return this;
    }

    public Builder search(Search search) {
      this.search = search;
      return this;
    }

    public Scenario build() {
      return new Scenario(name, target, preflight, http, defaults, variables, feeders, users, setup, teardown, load,
          thresholds, grades, phases, llm, position, compare, monitor, search);
    }
  }
}
