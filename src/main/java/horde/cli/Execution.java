package horde.cli;

import horde.cluster.ClusterLoad;
import horde.criteria.Verdict;
import horde.engine.EngineOptions;
import horde.plan.TestPlan;
import horde.report.ConsoleSummary;
import horde.report.LiveLocustCsv;
import horde.report.ProgressLine;
import horde.result.RunResult;
import horde.run.TestRun;
import horde.run.SetupFailedException;
import horde.run.UnreachableTargetException;
import horde.scenario.Durations;
import horde.scenario.LoadProfile;
import horde.scenario.Phase;
import horde.stats.Progress;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Runs a planned test for a command: pre-flight, banner, progress lines, summary, result and
 * report files, and the exit code. Shared by {@code run} and {@code demo}.
 */
final class Execution {
  /** What happens once the result files are written (recording, comparing); may change the exit code. */
  interface AfterRun {
    int apply(RunResult result, int exitCode);
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private AfterRun after = (result, code) -> code;
  private UiFlags ui;
  private HistoryFlags history;
  private ClusterLoad cluster;

  Execution(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Serves the live UI on the run when {@code ui} asks for it (its history from {@code history}). */
  Execution watchedBy(UiFlags ui, HistoryFlags history) {
    this.ui = ui;
    this.history = history;
    return this;
  }

  /** Runs each phase's load on a cluster's workers instead of here; the result says how they did. */
  Execution across(ClusterLoad load) {
    this.cluster = load;
    return this;
  }

  /** Runs {@code next} after the results are written. */
  Execution then(AfterRun next) {
    this.after = next;
    return this;
  }

  int run(TestPlan plan, EngineOptions options, String scenarioFile, Outputs outputs) {
    return run(plan, options, scenarioFile, outputs, new MetricsFlags());
  }

  @SuppressWarnings("try") // the metrics endpoint is held open by its try, not used in it
  int run(TestPlan plan, EngineOptions options, String scenarioFile, Outputs outputs, MetricsFlags metrics) {
    TestRun run = new TestRun(plan, options, scenarioFile);
    if (cluster != null) run.loadFrom(cluster.stopping(run::abort));
    RunResult result;
    MetricsFlags.Served served = null;
    // From the start: Ctrl-C during the pre-flight check stops the test as well (exit 4, with the empty result).
    try (SignalTrap trap = new SignalTrap(run::abort)) {
      try {
        run.preflight();
      } catch (UnreachableTargetException e) {
        if (!trap.fired()) {
          err.println("horde: target unreachable: " + e.getMessage());
          err.flush();
          return ExitCode.UNREACHABLE;
        }
      }
      if (!trap.fired()) {
        out.println(Banner.of(plan, options));
        out.flush();
      }
      try {
        served = metrics.serve(run, plan.scenario().name(), out);
      } catch (IOException | IllegalArgumentException e) {
        err.println("horde: cannot serve metrics on " + metrics.bind + ":" + metrics.port + ": " + e.getMessage());
        err.flush();
        return ExitCode.BAD_INPUT;
      }
      if (outputs.csvPrefix() != null) {
        run.listen(new LiveLocustCsv(outputs.csvPrefix(), outputs.csvFullHistory(), System.currentTimeMillis()));
      }
      if (ui != null) {
        try {
          ui.serve(run, plan, scenarioFile, history, out);
        } catch (IOException | RuntimeException e) {
          if (served != null) served.close();
          if (e instanceof RuntimeException r && !RunRefs.isUserError(r)) throw r;
          err.println("horde: cannot serve the UI on " + (ui.bind == null ? "127.0.0.1" : ui.bind) + ":" + ui.port + ": "
              + e.getMessage());
          err.flush();
          return ExitCode.BAD_INPUT;
        }
      }
      result = run.execute(listener(outputs));
      if (cluster != null) result = cluster.amend(result);
    } catch (SetupFailedException e) {
      err.println("horde: setup failed, no load was sent: " + e.getMessage());
      err.flush();
      return ExitCode.ABORTED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.ABORTED;
    }
    try (MetricsFlags.Served lingering = served) { // the last figures stay up while the reports are written
      out.print(ConsoleSummary.format(result));
      boolean written = new ReportFiles(out, err).write(result, outputs, true);
      out.flush();
      return after.apply(result, written ? exitCode(result, outputs) : ExitCode.BAD_INPUT);
    } finally {
      if (ui != null) ui.close();
    }
  }

  private TestRun.Listener listener(Outputs outputs) {
    return new TestRun.Listener() {
      public void progress(Progress p) {
        if (outputs.quiet()) return;
        out.println(ProgressLine.format(p));
        out.flush();
      }

      public void phase(int index, int count, Phase phase) {
        if (count > 0) out.printf("%nPhase %d/%d: %s (%s)%n", index + 1, count, phase.name(), Banner.load(phase.load()));
        else out.printf("%nSearch step %d: %s for %s%n", index + 1, phase.name(), Durations.format(
            phase.load() instanceof LoadProfile.Closed c ? c.runTime()
                : ((LoadProfile.Open) phase.load()).total()));
        out.flush();
      }

      public void fatal(String what) {
        err.println("horde: stopped by a fatal error in Horde: " + what + "; the results cover what ran");
        err.flush();
      }

      public void jitWarmUp() {
        if (outputs.quiet()) return;
        out.println("Warming up the JIT against a server in this process, nothing sent to the target"
            + " (a few seconds; --jit-warm-up off skips it)...");
        out.flush();
      }
    };
  }

  /**
   * 4 when stopped early; else the criteria's verdict; without any criterion, a failed request gives
   * {@code --exit-code-on-error} (1 by default), as Locust does.
   */
  static int exitCode(RunResult r, Outputs outputs) {
    if (r.stats().aborted()) return ExitCode.ABORTED;
    boolean criteria = !r.criteria().isEmpty() || r.phases().stream().anyMatch(p -> !p.criteria().isEmpty());
    if (!criteria) return r.stats().total().failures() > 0 ? outputs.exitCodeOnError() : ExitCode.PASS;
    if (r.verdict() == Verdict.FAIL || (outputs.strict() && r.verdict() == Verdict.WARN)) return ExitCode.CRITERIA_FAILED;
    return ExitCode.PASS;
  }
}
