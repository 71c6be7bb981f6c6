package horde.run;

import horde.engine.EngineOptions;
import horde.engine.Generator;
import horde.plan.TestPlan;
import horde.protocol.http.Transport;
import horde.scenario.Durations;
import horde.scenario.HttpSettings;
import horde.scenario.LoadProfile;
import horde.scenario.Search;
import horde.scenario.Stage;
import horde.stats.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The record of how a run was set up, for the result file. Holds no secrets: no headers, no credentials. */
final class RunSettings {
  private RunSettings() {}

  static Map<String, String> scenario(TestPlan plan, String file) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", plan.scenario().name());
    m.put("file", file == null ? "" : file);
    m.put("target", plan.target().toString());
    return m;
  }

  static Map<String, Object> of(TestPlan plan, EngineOptions options) {
    Map<String, Object> m = load(plan.scenario().load());
    if (!plan.scenario().phases().isEmpty())
      m.put(Settings.PHASES, plan.scenario().phases().stream().map(p -> p.name()).toList());
    if (plan.scenario().search() != null) m.put(Settings.SEARCH, search(plan.scenario().search()));
    m.put(Settings.USER_CLASSES, plan.users().stream().map(u -> u.name() + ":" + u.weight()).toList());
    m.put(Settings.THREADS, Generator.threads(plan.scenario().http(), options));
    m.put(Settings.SEED, options.seed());
    m.put(Settings.GRACEFUL_STOP, Durations.format(options.gracefulStop()));
    m.put(Settings.MAX_CONNECTIONS, plan.scenario().http().maxConnections());
    HttpSettings http = plan.scenario().http();
    if (http.version() != HttpSettings.Version.HTTP_1_1) { // HTTP/1.1 results stay as they were
      m.put(Settings.HTTP_VERSION, http.version().word());
      m.put(Settings.MAX_STREAMS, http.maxStreams());
    }
    // Thresholds may name a task: a window of the run recomputes them from this.
    Map<String, List<String>> tasks = new LinkedHashMap<>();
    TestRun.taskEndpoints(plan).forEach((task, names) -> tasks.put(task, List.copyOf(names)));
    m.put(Settings.TASK_ENDPOINTS, tasks);
    // How horde compare judges this run later, as the scenario's compare section says.
    if (!plan.scenario().compare().isEmpty()) m.put(Settings.COMPARE, plan.scenario().compare().asMap());
    return m;
  }

  /** A load profile as settings: model, users or rates, durations. */
  static Map<String, Object> load(LoadProfile load) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (load) {
      case LoadProfile.Closed c -> {
        m.put(Settings.MODEL, Settings.Model.CLOSED.word());
        m.put(Settings.USERS, c.users());
        m.put(Settings.SPAWN_RATE, c.spawnRate());
        m.put(Settings.RUN_TIME, Durations.format(c.runTime()));
      }
      case LoadProfile.Staged s -> {
        m.put(Settings.MODEL, Settings.Model.STAGES.word());
        List<Map<String, Object>> stages = s.stages().stream().map(RunSettings::stage).toList();
        m.put(Settings.STAGES, stages);
      }
      case LoadProfile.FixedCount f -> {
        m.put(Settings.MODEL, Settings.Model.FIXED_COUNT.word());
        m.put(Settings.REQUESTS, f.requests());
        m.put(Settings.CONCURRENCY, f.concurrency());
      }
      case LoadProfile.UserShape u -> {
        m.put(Settings.MODEL, Settings.Model.USER_SHAPE.word());
        m.put(Settings.RUN_TIME, Durations.format(u.duration()));
      }
      case LoadProfile.RateShape r -> {
        m.put(Settings.MODEL, Settings.Model.RATE_SHAPE.word());
        m.put(Settings.RUN_TIME, Durations.format(r.duration()));
        m.put(Settings.MAX_USERS, r.maxUsers());
      }
      case LoadProfile.Open o -> {
        m.put(Settings.MODEL, Settings.Model.OPEN.word());
        m.put(Settings.START_RATE, o.startRate());
        m.put(Settings.RATES, o.stages().stream().map(r -> Map.<String, Object>of(Settings.DURATION,
            Durations.format(r.duration()), Settings.RATE, r.rate())).toList());
        m.put(Settings.ARRIVALS, o.arrivals().name().toLowerCase(Locale.ROOT));
        m.put(Settings.MAX_USERS, o.maxUsers());
      }
    }
    m.put(Settings.WARMUP, load.warmupRequests() > 0 ? load.warmupRequests() + " requests" : Durations.format(load.warmup()));
    return m;
  }

  /** A capacity search as settings: what it varied, over what range, each step's time. */
  static Map<String, Object> search(Search s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(s.kind().key, s.label(s.from()) + ".." + s.label(s.to()));
    m.put("step", Durations.format(s.step()));
    m.put("warmup", Durations.format(s.warmup()));
    m.put("factor", s.factor());
    m.put("precision", s.precision());
    m.put("margin", s.margin());
    m.put("max_steps", s.maxSteps());
    if (s.atLeast() > 0) m.put("at_least", s.atLeast());
    return m;
  }

  private static Map<String, Object> stage(Stage s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(Settings.DURATION, Durations.format(s.duration()));
    m.put(Settings.USERS, s.users());
    return m;
  }

  static Map<String, Object> environment() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    m.put("transport", Transport.best().name());
    m.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    return m;
  }
}
