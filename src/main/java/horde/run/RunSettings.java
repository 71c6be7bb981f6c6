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
    if (!plan.scenario().phases().isEmpty()) m.put("phases", plan.scenario().phases().stream().map(p -> p.name()).toList());
    if (plan.scenario().search() != null) m.put("search", search(plan.scenario().search()));
    m.put("user_classes", plan.users().stream().map(u -> u.name() + ":" + u.weight()).toList());
    m.put("threads", Generator.threads(plan.scenario().http(), options));
    m.put("seed", options.seed());
    m.put("graceful_stop", Durations.format(options.gracefulStop()));
    m.put("max_connections", plan.scenario().http().maxConnections());
    HttpSettings http = plan.scenario().http();
    if (http.version() != HttpSettings.Version.HTTP_1_1) { // HTTP/1.1 results stay as they were
      m.put("http_version", http.version().word());
      m.put("max_streams", http.maxStreams());
    }
    // Thresholds may name a task: a window of the run recomputes them from this.
    Map<String, List<String>> tasks = new LinkedHashMap<>();
    TestRun.taskEndpoints(plan).forEach((task, names) -> tasks.put(task, List.copyOf(names)));
    m.put("task_endpoints", tasks);
    // How horde compare judges this run later, as the scenario's compare section says.
    if (!plan.scenario().compare().isEmpty()) m.put("compare", plan.scenario().compare().asMap());
    return m;
  }

  /** A load profile as settings: model, users or rates, durations. */
  static Map<String, Object> load(LoadProfile load) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (load) {
      case LoadProfile.Closed c -> {
        m.put("model", "closed");
        m.put("users", c.users());
        m.put("spawn_rate", c.spawnRate());
        m.put("run_time", Durations.format(c.runTime()));
      }
      case LoadProfile.Staged s -> {
        m.put("model", "stages");
        List<Map<String, Object>> stages = s.stages().stream().map(RunSettings::stage).toList();
        m.put("stages", stages);
      }
      case LoadProfile.FixedCount f -> {
        m.put("model", "fixed_count");
        m.put("requests", f.requests());
        m.put("concurrency", f.concurrency());
      }
      case LoadProfile.UserShape u -> {
        m.put("model", "user_shape");
        m.put("run_time", Durations.format(u.duration()));
      }
      case LoadProfile.RateShape r -> {
        m.put("model", "rate_shape");
        m.put("run_time", Durations.format(r.duration()));
        m.put("max_users", r.maxUsers());
      }
      case LoadProfile.Open o -> {
        m.put("model", "open");
        m.put("start_rate", o.startRate());
        m.put("rates", o.stages().stream().map(r -> Map.<String, Object>of("duration", Durations.format(r.duration()), "rate", r.rate())).toList());
        m.put("arrivals", o.arrivals().name().toLowerCase(Locale.ROOT));
        m.put("max_users", o.maxUsers());
      }
    }
    m.put("warmup", load.warmupRequests() > 0 ? load.warmupRequests() + " requests" : Durations.format(load.warmup()));
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
    m.put("duration", Durations.format(s.duration()));
    m.put("users", s.users());
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
