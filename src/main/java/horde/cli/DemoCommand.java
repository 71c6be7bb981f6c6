package horde.cli;

import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.scenario.Durations;
import horde.scenario.InvalidScenarioException;
import horde.scenario.LoadProfile;
import horde.scenario.Stage;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code horde demo}: starts the built-in simulator on a free local port, runs the demo scenario
 * against it (a ramp that crosses the simulator's knee), reports, stops the simulator and exits
 * with the verdict's code. A new user's first command: it needs no server of their own.
 *
 * <pre>
 * horde demo                          # about 30 s, results in horde-results/
 * horde demo --run-time 10s -q        # the same ramp, squeezed
 * </pre>
 */
@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
    description = "Start a simulated AI backend on this machine and load-test it for about 30 s: chat streams,"
        + " conversations, RAG searches and async jobs, ramping past the point where the backend saturates."
        + " Nothing leaves 127.0.0.1.",
    footer = {"", "Exit codes: 0 criteria held, 1 criteria failed, 2 bad option or port taken, 4 stopped early (Ctrl-C)."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-t", "--run-time"}, paramLabel = "DURATION", description = "Squeeze or stretch the ramp to this, e.g. 10s (default: the scenario's 30s).")
  String runTime;

  @Option(names = {"-u", "--users"}, paramLabel = "N", description = "Peak users; every stage keeps its share (default: the scenario's 100).")
  Integer users;

  @Option(names = "--out-dir", paramLabel = "DIR", description = "Folder for the result files (default: ${DEFAULT-VALUE}).")
  Path outDir = Path.of("horde-results");

  @Option(names = "--port", paramLabel = "PORT", description = "The simulator's port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
  boolean quiet;

  @picocli.CommandLine.Mixin HistoryFlags history = new HistoryFlags();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DemoScenario demo;
    Map<String, String> tags;
    String stamp = "demo-" + LocalDateTime.now().format(Outputs.STAMP);
    Outputs outputs = new Outputs(outDir.resolve(stamp + ".json"), false, quiet)
        .withReports(outDir.resolve(stamp + ".html"), null, false, null);
    try {
      demo = DemoScenario.load(System.getProperty("horde.home"))
          .reshaped(users, runTime == null ? null : duration(runTime));
      outputs.check(Map.of());
      tags = history.tags();
      history.db.location();
    } catch (InvalidScenarioException e) {
      ScenarioFiles.printProblems(e, err);
      return ExitCode.BAD_INPUT;
    } catch (IllegalArgumentException | IOException e) {
      err.println("horde demo: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Simulator simulator;
    try {
      simulator = Simulator.start(SimulatorOptions.defaults().withPort(port));
    } catch (UncheckedIOException e) {
      err.println("horde demo: the simulator " + e.getCause().getMessage() + "; try --port 0");
      return ExitCode.BAD_INPUT;
    }
    try (simulator) {
      TestPlan plan;
      try {
        plan = new Planner(System.getenv()).plan(demo.scenario().withTarget(simulator.baseUrl()));
      } catch (InvalidScenarioException e) {
        ScenarioFiles.printProblems(e, err);
        return ExitCode.BAD_INPUT;
      }
      out.println(intro(simulator, demo));
      out.flush();
      String text = demo.source().equals(DemoScenario.BUNDLED) ? DemoScenario.bundled() : ScenarioFiles.text(Path.of(demo.source()));
      int code = new Execution(out, err).then(new RunRecording(history, text, tags, out, err))
          .run(plan, EngineOptions.DEFAULTS, demo.source(), outputs);
      if (code == ExitCode.PASS || code == ExitCode.CRITERIA_FAILED) out.print(nextSteps(demo));
      out.flush();
      return code;
    }
  }

  private static Duration duration(String text) {
    try {
      return Durations.parseSecondsDefault(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--run-time: '" + text + "' is not a duration; use e.g. 10s or 1m");
    }
  }

  private static String intro(Simulator simulator, DemoScenario demo) {
    SimulatorOptions o = simulator.options();
    String backend = String.format(Locale.ROOT, "horde demo: a simulated AI backend listens on %s. It runs %d generations"
        + " at once and queues %d more; beyond that it answers %d.", simulator.baseUrl(), o.capacity(), o.queue(), o.overloadStatus());
    if (!(demo.scenario().load() instanceof LoadProfile.Staged s)) return backend + System.lineSeparator() + "Running " + demo.source() + ".";
    int peak = s.stages().stream().mapToInt(Stage::users).max().orElse(0);
    return backend + String.format(Locale.ROOT, "%nRamping up to %s over %s with %s. Watch p95 and the errors:"
        + " past the knee, requests queue and then get %d.", Words.count(peak, "user", "users"), Durations.format(s.total()),
        demo.source(), o.overloadStatus());
  }

  private static String nextSteps(DemoScenario demo) {
    String file = demo.source().equals(DemoScenario.BUNDLED) ? "examples/demo.yaml" : demo.source();
    return String.join(System.lineSeparator(), "",
        "The simulator has stopped. To go on:",
        "  horde simulate            keeps the same backend up on http://127.0.0.1:8000 until Ctrl-C; then, in another terminal:",
        "  horde run " + file + " -H http://127.0.0.1:8000",
        "More scenarios to run against it (chat at scale, user classes, agents, a burst, async jobs): examples/README.md",
        "");
  }
}
