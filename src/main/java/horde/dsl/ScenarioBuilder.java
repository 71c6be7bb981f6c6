package horde.dsl;

import horde.scenario.CacheHit;
import horde.scenario.FeederSpec;
import horde.scenario.Grade;
import horde.scenario.LlmSettings;
import horde.scenario.LoadProfile;
import horde.scenario.Measured;
import horde.scenario.Phase;
import horde.scenario.Preflight;
import horde.scenario.Price;
import horde.scenario.RequestDefaults;
import horde.scenario.Scenario;
import horde.scenario.Threshold;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole load test, built into the same immutable {@link Scenario} a YAML file loads into. Start
 * one with {@link Dsl#scenario}; everything not given has the file format's default (one user for
 * 10 s, a TCP pre-flight check, 30 s request timeout).
 *
 * <pre>{@code
 * Scenario s = scenario("chat")
 *     .target("http://127.0.0.1:8000")
 *     .user(user("chatter").waitBetween("1s", "3s")
 *         .task(post("/api/ask").json("""
 *             {"q": "hello"}""").check(status(200))))
 *     .load(users(50).spawnRate(10).runTime("1m"))
 *     .threshold("p95 < 2s", "error_rate < 1%")
 *     .build();
 * }</pre>
 */
public final class ScenarioBuilder {

  private final String name;
  private String target = "";
  private Preflight preflight;
  private HttpBuilder http;
  private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
  private Duration defaultTimeout;
  private final Map<String, String> variables = new LinkedHashMap<>();
  private final Map<String, FeederBuilder> feeders = new LinkedHashMap<>();
  private final List<UserBuilder> users = new ArrayList<>();
  private final List<TaskBuilder> tasks = new ArrayList<>();
  private final List<StepBuilder> setup = new ArrayList<>();
  private final List<StepBuilder> teardown = new ArrayList<>();
  private LoadBuilder load;
  private final List<Threshold> thresholds = new ArrayList<>();
  private final List<Grade> grades = new ArrayList<>();
  private final List<PhaseBuilder> phases = new ArrayList<>();
  private String tokenizer;
  private final Map<String, Price> prices = new LinkedHashMap<>();
  private CacheHit cacheHit;

  ScenarioBuilder(String name) {
    this.name = name;
  }

  /** The base URL request paths are relative to, e.g. {@code http://127.0.0.1:8000}. */
  public ScenarioBuilder target(String url) {
    target = url;
    return this;
  }

  /** Before any load, {@code GET path} must answer 2xx within 5 s. */
  public ScenarioBuilder preflight(String path) {
    return preflight(Preflight.health(path));
  }

  /** Any pre-flight check, e.g. {@link Preflight#DISABLED}. */
  public ScenarioBuilder preflight(Preflight p) {
    preflight = p;
    return this;
  }

  public ScenarioBuilder http(HttpBuilder settings) {
    http = settings;
    return this;
  }

  /** A header every request gets unless it sets its own. */
  public ScenarioBuilder defaultHeader(String name, String value) {
    defaultHeaders.put(name, value);
    return this;
  }

  /** Every request's timeout unless it sets its own (default 30 s). */
  public ScenarioBuilder defaultTimeout(Duration d) {
    defaultTimeout = Times.positive(d, "timeout");
    return this;
  }

  public ScenarioBuilder defaultTimeout(String d) {
    return defaultTimeout(Times.parse(d, "timeout"));
  }

  /** A constant that templates use as {@code ${name}}. */
  public ScenarioBuilder variable(String name, String value) {
    variables.put(name, value);
    return this;
  }

  /** A data file, read in order; {@link Dsl#feeder} for the other orders. */
  public ScenarioBuilder feeder(String name, String file) {
    return feeder(new FeederBuilder(name, file));
  }

  public ScenarioBuilder feeder(FeederBuilder f) {
    feeders.put(f.name(), f);
    return this;
  }

  public ScenarioBuilder user(UserBuilder... classes) {
    users.addAll(Arrays.asList(classes));
    return this;
  }

  /** A task of the scenario's one user class (no {@link #user} then), like {@code tasks:}. */
  public ScenarioBuilder task(TaskBuilder... more) {
    tasks.addAll(Arrays.asList(more));
    return this;
  }

  public ScenarioBuilder task(RequestBuilder request) {
    return task(TaskBuilder.ofRequest(request));
  }

  /** Steps run once before the load; what they save is every user's starting value. */
  public ScenarioBuilder setup(StepBuilder... steps) {
    setup.addAll(Arrays.asList(steps));
    return this;
  }

  /** Steps run once after the load. */
  public ScenarioBuilder teardown(StepBuilder... steps) {
    teardown.addAll(Arrays.asList(steps));
    return this;
  }

  /** The load of a single run (default: 1 user for 10 s); phases have their own instead. */
  public ScenarioBuilder load(LoadBuilder l) {
    load = l;
    return this;
  }

  /** Thresholds like {@code "p95 < 2s"} or {@code "error_rate < 1%"}, on the whole run. */
  public ScenarioBuilder threshold(String... expressions) {
    for (String e : expressions) thresholds.add(new ThresholdBuilder(e).build());
    return this;
  }

  public ScenarioBuilder threshold(ThresholdBuilder t) {
    thresholds.add(t.build());
    return this;
  }

  /** Grade rows like {@code "GOOD: avg < 5s"}, tried in order; the last may be a grade alone. */
  public ScenarioBuilder grades(String... rows) {
    for (String r : rows) grades.add(Grade.parse(r));
    return this;
  }

  public ScenarioBuilder grades(Grade... rows) {
    grades.addAll(List.of(rows));
    return this;
  }

  /** Named runs executed in order, each with its own load (instead of {@link #load}). */
  public ScenarioBuilder phase(PhaseBuilder... more) {
    phases.addAll(Arrays.asList(more));
    return this;
  }

  /**
   * How tokens are counted where an answer reports none: {@code cl100k_base} (default), {@code
   * o200k_base}, {@code p50k_base}, {@code r50k_base}, or {@code chars:4} (4 characters a token).
   */
  public ScenarioBuilder tokenizer(String spec) {
    String problem = LlmSettings.tokenizerProblem(spec);
    if (problem != null) throw new IllegalArgumentException(problem);
    tokenizer = spec;
    return this;
  }

  /** What a model costs, in dollars per million input and output tokens. */
  public ScenarioBuilder price(String model, double inputPerMillion, double outputPerMillion) {
    return price(model, inputPerMillion, outputPerMillion, 0);
  }

  /**
   * The price of a model's cached input: its input tokens in answers marked as cache hits, in
   * dollars per million (as providers bill cached prompt tokens). The row must exist: {@code
   * price("gpt-4o-mini", 0.15, 0.60).cachedInputPrice("gpt-4o-mini", 0.075)}.
   */
  public ScenarioBuilder cachedInputPrice(String model, double cachedInputPerMillion) {
    Price row = prices.get(model);
    if (row == null) throw new IllegalArgumentException("prices." + model + ": give the row's price first");
    dollars(model, "cached_input", cachedInputPerMillion);
    prices.put(model, new Price(row.inputPerMillion(), row.outputPerMillion(), row.perRequest(), cachedInputPerMillion));
    return this;
  }

  /** What each request to a model costs, in dollars (an API priced per call). */
  public ScenarioBuilder pricePerRequest(String model, double dollars) {
    return price(model, 0, 0, dollars);
  }

  /**
   * A price row: per million input tokens, per million output tokens and per request, in dollars.
   * A request's model picks the row, else the literal model of its JSON body, else the row named
   * {@code default}.
   */
  public ScenarioBuilder price(
      String model, double inputPerMillion, double outputPerMillion, double perRequest) {
    if (model == null || model.isBlank())
      throw new IllegalArgumentException("prices: a model name may not be empty");
    dollars(model, "input", inputPerMillion);
    dollars(model, "output", outputPerMillion);
    dollars(model, "per_request", perRequest);
    prices.put(model, new Price(inputPerMillion, outputPerMillion, perRequest));
    return this;
  }

  private static void dollars(String model, String part, double value) {
    if (!(value >= 0) || Double.isInfinite(value))
      throw new IllegalArgumentException(
          "prices." + model + "." + part + ": expected a number of dollars, 0 or more, like 0.15,"
              + " found " + value);
  }

  /** How every answer marks a cache hit: {@link Dsl#cacheHitJson}, {@link Dsl#cacheHitHeader}. */
  public ScenarioBuilder cacheHit(CacheHit rule) {
    cacheHit = rule;
    return this;
  }

  /**
   * The scenario. Throws {@link IllegalArgumentException} when it cannot be one (no users, users
   * and tasks both, load and phases both, a phase without load, a threshold on an endpoint it does
   * not have or on a figure it does not measure); names used in templates are checked when it is
   * planned ({@link horde.Horde#run}).
   */
  public Scenario build() {
    if (!users.isEmpty() && !tasks.isEmpty())
      throw new IllegalArgumentException("give either user classes or tasks (one class), not both");
    if (load != null && !phases.isEmpty())
      throw new IllegalArgumentException("give either a load (one run) or phases, not both");
    Map<String, FeederSpec> feederSpecs = new LinkedHashMap<>();
    feeders.forEach((n, f) -> feederSpecs.put(n, f.build()));
    List<Phase> phaseList = new ArrayList<>();
    for (PhaseBuilder p : phases) phaseList.add(p.build(phaseList.size() + 1));
    LoadProfile single = phases.isEmpty() ? (load == null ? LoadProfile.DEFAULT : load.build()) : null;
    Scenario built = Scenario.builder(name, target)
        .preflight(preflight)
        .http(http == null ? null : http.build())
        .defaults(new RequestDefaults(defaultHeaders, defaultTimeout))
        .variables(variables)
        .feeders(feederSpecs)
        .users(userClasses())
        .setup(StepBuilder.buildAll(setup))
        .teardown(StepBuilder.buildAll(teardown))
        .load(single)
        .thresholds(thresholds)
        .grades(grades)
        .phases(phaseList)
        .llm(new LlmSettings(tokenizer, prices, cacheHit))
        .build();
    List<String> problems = Measured.problems(built);
    if (!problems.isEmpty()) throw new IllegalArgumentException("thresholds: " + String.join("; ", problems));
    return built;
  }

  private List<UserClass> userClasses() {
    if (!tasks.isEmpty())
      return List.of(
          new UserClass("user1", 1, WaitTime.NONE, null, UserBuilder.tasks(tasks), null, null));
    List<UserClass> out = new ArrayList<>();
    for (UserBuilder u : users) out.add(u.build(out.size() + 1));
    return out;
  }
}
