package horde.plan;

import horde.feed.Feeder;
import horde.feed.FeederData;
import horde.feed.FeederFiles;
import horde.scenario.FeederSpec;
import horde.scenario.InvalidScenarioException;
import horde.scenario.LoadProfile;
import horde.scenario.Ports;
import horde.scenario.Problem;
import horde.scenario.Scenario;
import horde.scenario.SourcePosition;
import horde.scenario.Stage;
import horde.scenario.Suggest;
import horde.scenario.Threshold;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a {@link Scenario} into a {@link TestPlan}, reporting every problem at once: a target
 * that is not a URL, undefined variables, feeder files that do not load, thresholds naming no
 * endpoint.
 *
 * <pre>{@code TestPlan plan = new Planner(System.getenv()).plan(scenario);}</pre>
 */
public final class Planner {
  private final Map<String, String> environment;

  public Planner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public TestPlan plan(Scenario scenario) {
    List<Problem> problems = new ArrayList<>();
    URI target = target(scenario, problems);
    List<Feeder> feeders = loadFeeders(scenario, problems);
    Symbols symbols = Symbols.of(scenario, feeders, environment);
    FailureReasons reasons = new FailureReasons();
    StepCompiler steps = new StepCompiler(scenario, symbols, reasons, problems);
    List<UserPlan> users = steps.users();
    List<StepPlan> setup = steps.alone(scenario.setup());
    List<StepPlan> teardown = steps.alone(scenario.teardown());
    List<List<StepPlan>> once = List.of(setup, teardown);
    checkThresholds(scenario, steps.endpoints(), problems);
    int[] unique = uniqueFeeders(scenario, feeders, problems);
    Tokenizer tokenizer = tokenizer(scenario, problems);
    List<List<StepPlan>> all = all(users, once);
    boolean[] tracked = tracked(steps.endpoints().size(), all);
    if (!problems.isEmpty()) throw new InvalidScenarioException(problems);
    return new TestPlan(scenario, target, steps.endpoints(), users, symbols.variableNames(),
        symbols.initialValues(), feeders, unique, reasons, setup, teardown, tokenizer, tracked, steps.requestCount(),
        Redaction.of(all));
  }

  private static Tokenizer tokenizer(Scenario s, List<Problem> problems) {
    try {
      return Tokenizer.of(s.llm().tokenizer());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(s.position(), e.getMessage()));
      return Tokenizer.of("chars:4");
    }
  }

  /** Every list of steps of the plan: each user's start, stop and tasks, then setup and teardown. */
  private static List<List<StepPlan>> all(List<UserPlan> users, List<List<StepPlan>> once) {
    List<List<StepPlan>> out = new ArrayList<>();
    users.forEach(u -> {
      out.add(u.onStart());
      out.add(u.onStop());
      u.tasks().forEach(t -> out.add(t.steps()));
    });
    out.addAll(once);
    return out;
  }

  /** Endpoints whose requests track streaming, tokens or cache hits. */
  private static boolean[] tracked(int endpoints, List<List<StepPlan>> all) {
    boolean[] out = new boolean[endpoints];
    all.forEach(steps -> {
      Steps.requests(steps).forEach(r -> {
        if (r.llm() != null) out[r.endpoint()] = true;
      });
      Steps.sockets(steps).forEach(w -> {
        if (w instanceof WsPlan.Await a && a.stream()) out[a.endpoint()] = true;
      });
    });
    return out;
  }

  private static URI target(Scenario s, List<Problem> problems) {
    try {
      URI uri = new URI(s.target().strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String port = Ports.problem(uri);
      if (port != null) {
        problems.add(new Problem(s.position(), "target '" + BasicLogin.shown(s.target()) + "': " + port));
        return null;
      }
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        problems.add(new Problem(s.position(), s.target().isBlank()
            ? "no target: give 'target: http://host:port' in the file or --host on the command line"
            : "target '" + BasicLogin.shown(s.target()) + "' is not an http:// or https:// URL with a host"));
        return null;
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
      return new URI(scheme, null, uri.getHost(), uri.getPort(), path.isEmpty() ? null : path, null, null);
    } catch (URISyntaxException e) {
      problems.add(new Problem(s.position(), "target '" + BasicLogin.shown(s.target()) + "' is not a URL: "
          + e.getReason()));
      return null;
    }
  }

  private static List<Feeder> loadFeeders(Scenario s, List<Problem> problems) {
    List<Feeder> out = new ArrayList<>();
    for (FeederSpec spec : s.feeders().values()) {
      try {
        out.add(new Feeder(FeederFiles.load(spec), spec.order()));
      } catch (IOException | RuntimeException e) {
        problems.add(new Problem(spec.position(), "feeder '" + spec.name() + "' (" + spec.file() + "): " + describe(e)));
        out.add(new Feeder(new FeederData(spec.name(), List.of(), List.of()), spec.order()));
      }
    }
    return out;
  }

  private static String describe(Exception e) {
    if (e instanceof NoSuchFileException) return "file not found";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void checkThresholds(Scenario s, List<Endpoint> endpoints, List<Problem> problems) {
    Set<String> names = new HashSet<>();
    endpoints.forEach(e -> names.add(e.name()));
    s.users().forEach(u -> u.tasks().forEach(t -> names.add(t.name())));
    for (Threshold t : s.thresholds()) {
      if (t.endpoint() != null && !names.contains(t.endpoint()))
        problems.add(new Problem(t.position(), "threshold '" + t.expression() + "' names endpoint '"
            + t.endpoint() + "', which no request or task has" + Suggest.didYouMean(t.endpoint(), names)));
    }
  }

  private static int[] uniqueFeeders(Scenario s, List<Feeder> feeders, List<Problem> problems) {
    List<FeederSpec> specs = List.copyOf(s.feeders().values());
    int peak = peakUsers(s.load());
    List<Integer> unique = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).order() != FeederSpec.Order.UNIQUE) continue;
      unique.add(i);
      int rows = feeders.get(i).data().rows().size();
      if (rows > 0 && rows < peak)
        problems.add(new Problem(specs.get(i).position(), "feeder '" + specs.get(i).name()
            + "' gives each user its own row, but has " + rows + " rows for up to " + peak + " users"));
    }
    return unique.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The most users the profile ever runs at once. */
  public static int peakUsers(LoadProfile load) {
    return switch (load) {
      case LoadProfile.Closed c -> c.users();
      case LoadProfile.Staged st -> st.stages().stream().mapToInt(Stage::users).max().orElse(0);
      case LoadProfile.FixedCount f -> f.concurrency();
      case LoadProfile.Open o -> o.maxUsers();
      case LoadProfile.RateShape r -> r.maxUsers();
      case LoadProfile.UserShape u -> peak(u);
    };
  }

  /** A user function's highest value, sampled every 100 ms (it is code: no better way to know). */
  private static int peak(LoadProfile.UserShape u) {
    int peak = 0;
    for (long ms = 0; ms < u.duration().toMillis(); ms += 100) {
      peak = Math.max(peak, u.users().applyAsInt(Duration.ofMillis(ms)));
    }
    return peak;
  }

  static Problem problem(SourcePosition where, String message) {
    return new Problem(where, message);
  }
}
