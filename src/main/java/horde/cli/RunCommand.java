package horde.cli;

import horde.engine.EngineOptions;
import horde.engine.JitWarmUp;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.scenario.Durations;
import horde.scenario.InvalidScenarioException;
import horde.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code horde run FILE}: validates, checks the target, runs the load, reports, and exits with the verdict. */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
    description = "Run a load test from a scenario file.",
    footer = {"", "(Locust) marks Locust's options, taken with Locust's meaning; docs/locust.md has the whole table.",
        "Exit codes: 0 criteria held, 1 criteria failed, 2 bad scenario or usage,",
        "3 target unreachable at pre-flight (or --cluster workers missing), 4 stopped early (Ctrl-C)."})
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO [USER_CLASS...]", description = {"The scenario file (YAML), then, as Locust takes them,"
      + " user classes to run (default: all). With -f FILE, every word here is a user class."})
  List<String> words = new ArrayList<>();

  @Option(names = {"-H", "--host"}, paramLabel = "URL", description = "Target base URL; overrides the file's target.")
  String host;

  @Option(names = {"-u", "--users"}, paramLabel = "N", description = "Peak number of concurrent users.")
  Integer users;

  @Option(names = {"-r", "--spawn-rate"}, paramLabel = "N", description = "Users started per second (default: all at once).")
  Double spawnRate;

  @Option(names = {"-t", "--run-time"}, paramLabel = "DURATION", description = "How long to run, e.g. 30s, 5m, 1h30m.")
  String runTime;

  @Option(names = "--requests", paramLabel = "N", description = "Fixed-count mode: send N requests in all.")
  Long requests;

  @Option(names = "--concurrency", paramLabel = "N", description = "Fixed-count mode: users sending them.")
  Integer concurrency;

  @Option(names = "--warmup", paramLabel = "DURATION|COUNT", description = "Leave the first part out of the statistics: a"
      + " duration (30s), or a count of requests (20requests: the whole seconds until that many completed).")
  String warmup;

  @Option(names = "--search", paramLabel = "SPEC", description = "Find the knee: the highest load that meets the"
      + " thresholds, e.g. users=10..2000 or rate=1/s..500/s, with ,step=30s,warmup=5s,precision=10%%... after it.")
  String search;

  @Option(names = "--user-classes", split = ",", paramLabel = "NAME", description = "Run only these user classes, e.g. chatter,searcher.")
  List<String> userClasses;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the JSON result file here; {timestamp} in any output path becomes the start time.")
  Path out;

  @Mixin ReportFlags reports = new ReportFlags();

  @Mixin MetricsFlags metrics = new MetricsFlags();

  @Mixin UiFlags ui = new UiFlags();

  @Option(names = "--strict", description = "Warn-level criteria fail the run too.")
  boolean strict;

  @Mixin HistoryFlags history = new HistoryFlags();
  @Mixin RunCompare compare = new RunCompare();

  @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads (default: one per CPU).")
  int threads;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for task choice, waits and random rows (default 1).")
  long seed = 1;

  @Option(names = {"--graceful-stop", "-s", "--stop-timeout"}, paramLabel = "DURATION",
      description = "How long requests in flight at the end may finish (default 10s; -s/--stop-timeout: Locust's name).")
  String gracefulStop = "10s";

  @Option(names = "--warm-start", paramLabel = "N", description = "Open model: send N of the scenario's own arrivals before "
      + "the first measured one, not counted, so a cold JVM drops none (default " + EngineOptions.WARM_START + "; 0: none).")
  int warmStart = EngineOptions.WARM_START;

  @Option(names = "--jit-warm-up", paramLabel = "WHEN", description = "Run the scenario's users against a server in "
      + "this process before the load, nothing sent to the target, so its first seconds run compiled code: auto (when "
      + "the load starts with 1,000 users or 2,000 arrivals a second; the default), on, off.")
  JitWarmUp.When jitWarmUp = JitWarmUp.When.AUTO;

  @Option(names = "--skip-preflight", description = "Send load without checking the target first.")
  boolean skipPreflight;

  @Option(names = {"-q", "--quiet", "--only-summary"}, description = "No progress lines, only the summary (--only-summary: Locust's name).")
  boolean quiet;

  @Mixin LocustFlags locust = new LocustFlags();

  @Mixin ClusterFlags cluster = new ClusterFlags();

  @Option(names = "--workers", paramLabel = "N", description = "With --cluster: wait for N workers and split the load between them.")
  Integer workers;

  @Option(names = "--on-worker-loss", paramLabel = "continue|abort",
      description = "With --cluster: when a worker is lost, go on without it (default; the run is at least WARN) or stop.")
  String onWorkerLoss = "continue";

  @Option(names = "--wait-workers", paramLabel = "DURATION", description = "With --cluster: how long to wait for the workers (default 5m).")
  String waitWorkers = "5m";

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ScenarioWords named;
    try {
      named = ScenarioWords.of(locust.locustfile, words);
      locust.check();
      reports.check();
    } catch (IllegalArgumentException e) {
      err.println("horde run: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Scenario scenario = ScenarioFiles.load(named.file(), err);
    if (scenario == null) return ExitCode.BAD_INPUT;
    if (locust.list) return list(scenario);
    TestPlan plan;
    EngineOptions options;
    ScenarioFlags flags = flags(named.classes());
    Scenario asWritten = scenario;
    Outputs outputs = reports.onto(new Outputs(out, strict, quiet)).stamped(LocalDateTime.now())
        .withExitCodeOnError(locust.exitCodeOnError);
    Map<String, String> tags;
    try {
      tags = history.tags();
      history.db.location(); // a bad --db fails now, not after the run
      compare.check(history.db);
      scenario = flags.apply(scenario, err);
      outputs = outputs.withHtmlTags(users, spawnRate, runTime == null ? null : Durations.parseSecondsDefault(runTime));
      options = EngineOptions.DEFAULTS.withThreads(threads).withSeed(seed).withGracefulStop(Durations.parseSecondsDefault(gracefulStop))
          .withWarmStart(warmStart).withJitWarmUp(jitWarmUp);
      plan = new Planner(System.getenv()).plan(scenario);
      Map<Path, String> inputs = ScenarioFiles.inputs(named.file(), scenario);
      if (locust.config != null) inputs.put(locust.config, "the --config file");
      outputs.check(inputs);
      LogSetup.apply(locust, inputs);
    } catch (InvalidScenarioException e) {
      ScenarioFiles.printProblems(e, err);
      return ExitCode.BAD_INPUT;
    } catch (IllegalArgumentException | IOException e) {
      err.println("horde: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    PrintWriter outWriter = spec.commandLine().getOut();
    RunRecording recording = new RunRecording(history, ScenarioFiles.text(named.file()), tags, outWriter, err);
    Execution.AfterRun recorded = recording.andThen(compare.after(history.db, strict, recording::id, outWriter, err));
    Execution execution = new Execution(outWriter, err).watchedBy(ui, history).then((result, code) -> {
      int c = recorded.apply(result, code);
      ui.done(result, recording.id());
      return c;
    });
    if (cluster.given() && plan.scenario().search() != null) {
      err.println("horde: a capacity search runs on one machine, not yet across a cluster: leave out --cluster");
      return ExitCode.BAD_INPUT;
    }
    if (cluster.given()) return new ClusterRun(cluster, workers, onWorkerLoss, waitWorkers, outWriter, err)
        .run(execution, named.file(), asWritten, flags, plan, options, outputs, metrics);
    if (workers != null) {
      err.println("horde: --workers needs --cluster NAME (the cluster the workers joined)");
      return ExitCode.BAD_INPUT;
    }
    return execution.run(plan, options, named.file().toString(), outputs, metrics);
  }

  /** Locust's {@code --list}: the user classes, one a line, and nothing run. */
  private int list(Scenario scenario) {
    PrintWriter out = spec.commandLine().getOut();
    scenario.users().forEach(u -> out.println(u.name() + " (weight " + u.weight() + ")"));
    out.flush();
    return ExitCode.PASS;
  }

  /** The command line's changes to the scenario: user classes named after the options and by --user-classes together. */
  private ScenarioFlags flags(List<String> namedClasses) {
    List<String> classes = new ArrayList<>(namedClasses);
    if (userClasses != null) classes.addAll(userClasses);
    return new ScenarioFlags(host, skipPreflight, classes.isEmpty() ? null : classes, locust.equalWeights,
        new LoadOverrides(users, spawnRate, runTime, requests, concurrency, warmup), search);
  }
}
