package horde.cli;

import horde.cluster.Bundle;
import horde.cluster.ClusterException;
import horde.cluster.ClusterLoad;
import horde.cluster.ClusterSettings;
import horde.cluster.Coordinator;
import horde.cluster.LossPolicy;
import horde.engine.EngineOptions;
import horde.plan.TestPlan;
import horde.scenario.Durations;
import horde.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code horde run FILE --cluster NAME --workers N}: joins the cluster as its coordinator, waits
 * for the workers, ships them the scenario, and runs the test across them, with the same console,
 * result, reports, criteria, history and exit code as a run on one machine.
 */
final class ClusterRun {
  private final ClusterFlags flags;
  private final Integer workers;
  private final String onLoss;
  private final String wait;
  private final PrintWriter out;
  private final PrintWriter err;

  ClusterRun(ClusterFlags flags, Integer workers, String onLoss, String wait, PrintWriter out, PrintWriter err) {
    this.flags = flags;
    this.workers = workers;
    this.onLoss = onLoss;
    this.wait = wait;
    this.out = out;
    this.err = err;
  }

  int run(Execution execution, Path file, Scenario asWritten, ScenarioFlags changes, TestPlan plan,
      EngineOptions options, Outputs outputs, MetricsFlags metrics) {
    ClusterSettings settings;
    LossPolicy policy;
    Duration limit;
    Bundle bundle;
    try {
      if (workers == null || workers < 1) throw new IllegalArgumentException("--cluster: give --workers N, how many workers to wait for");
      policy = LossPolicy.valueOf(onLoss.strip().toUpperCase(Locale.ROOT));
      limit = Durations.parseSecondsDefault(wait);
      settings = flags.settings("coordinator");
      bundle = Bundle.of(file, asWritten, System.getenv(), changes.asMap());
    } catch (IllegalArgumentException | IOException e) {
      err.println("horde: " + (e.getMessage() != null && e.getMessage().startsWith("No enum")
          ? "--on-worker-loss: '" + onLoss + "' is not continue or abort" : e.getMessage()));
      return ExitCode.BAD_INPUT;
    }
    try (Coordinator coordinator = Coordinator.join(settings, out)) {
      coordinator.awaitWorkers(workers, limit);
      ClusterLoad load = coordinator.prepare(bundle, plan, options, policy);
      return execution.across(load).run(plan, options, file.toString(), outputs, metrics);
    } catch (ClusterException e) {
      err.println("horde: " + e.getMessage());
      return ExitCode.UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.ABORTED;
    }
  }
}
