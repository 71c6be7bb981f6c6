package horde.cli;

import horde.cluster.Bundle;
import horde.cluster.ClusterSettings;
import horde.cluster.Worker;
import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.plan.TestPlan;
import horde.scenario.InvalidScenarioException;
import horde.scenario.Problem;
import horde.scenario.Scenario;
import horde.scenario.yaml.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code horde worker --cluster NAME}: sends load for a coordinator's tests, one after another, until stopped. */
@Command(name = "worker", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
    description = "Join a cluster and run load for its coordinator's tests.",
    footer = {"", "Start one on each load machine, then: horde run FILE --cluster NAME --workers N"})
final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterFlags cluster = new ClusterFlags();

  @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads (default: one per CPU).")
  int threads;

  @Option(names = "--out", paramLabel = "FOLDER", description = "Keep what this worker measured of each test as a result file here.")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!cluster.given()) {
      err.println("horde: worker: give --cluster NAME, the name the coordinator uses");
      return ExitCode.BAD_INPUT;
    }
    ClusterSettings settings;
    try {
      settings = cluster.settings("");
      if (out != null) Files.createDirectories(out);
    } catch (IllegalArgumentException | IOException e) {
      err.println("horde: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Worker worker;
    try {
      worker = new Worker(settings, bundle -> plan(bundle, err), EngineOptions.DEFAULTS.withThreads(threads), out, console);
    } catch (Exception e) {
      err.println("horde: cannot join " + settings + ": " + (e.getMessage() == null ? e : e.getMessage()));
      return ExitCode.UNREACHABLE;
    }
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> { // Ctrl-C, SIGTERM (a pod stopping): stop the load, leave the cluster
      worker.close();
      try {
        main.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Runtime.getRuntime().addShutdownHook(hook);
    worker.serve();
    return ExitCode.PASS;
  }

  /** The coordinator's scenario, planned here from what it shipped, as {@code run} planned it. */
  static TestPlan plan(Bundle bundle, PrintWriter err) throws IOException {
    Path dir = Files.createTempDirectory("horde-run-");
    try {
      Path file = bundle.unpack(dir);
      Scenario s = ScenarioLoader.parse(bundle.text(), bundle.scenarioPath(), file.getParent());
      s = ScenarioFlags.of(bundle.flags()).apply(s, err);
      return new Planner(bundle.environment()).plan(s); // feeders are read here: the folder can go
    } catch (InvalidScenarioException e) {
      throw new IllegalArgumentException(e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a temp folder left behind: nothing else depends on it
    }
  }
}
