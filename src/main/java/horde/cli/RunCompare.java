package horde.cli;

import horde.compare.Tolerance;
import horde.history.Baseline;
import horde.history.HistoryException;
import horde.history.RunHistory;
import horde.result.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import picocli.CommandLine.Option;

/**
 * {@code run --compare NAME}: once the run is written and recorded, compares it with a baseline
 * from the history, so one CI step runs and gates. The exit code is the worse of the run's and the
 * comparison's; a run stopped early is not compared.
 */
final class RunCompare {
  @Option(names = "--compare", paramLabel = "BASELINE", description = "After the run, compare it with this baseline from the history; a regression exits 1.")
  String baseline;

  @Option(names = "--compare-html", paramLabel = "FILE", description = "With --compare: write the comparison as HTML.")
  Path html;

  @Option(names = "--compare-json", paramLabel = "FILE", description = "With --compare: write the comparison as JSON.")
  Path json;

  @Option(names = "--compare-junit", paramLabel = "FILE", description = "With --compare: write it as JUnit XML.")
  Path junit;

  /** Fails before any load when the baseline does not exist. */
  void check(DbOption db) {
    if (baseline == null) {
      if (html != null || json != null || junit != null) throw new IllegalArgumentException("--compare-html, --compare-json"
          + " and --compare-junit need --compare BASELINE");
      return;
    }
    try {
      Baseline.checkName(baseline);
      RunHistory h = db.open();
      if (h.baseline(baseline).isEmpty()) throw new IllegalArgumentException("--compare: no baseline '" + baseline + "' in " + h.location()
          + " (horde baseline list)");
    } catch (HistoryException e) {
      throw new IllegalArgumentException("--compare: " + e.getMessage(), e);
    }
  }

  /** The step after recording; {@code id} is the recorded run's id, or -1. */
  Execution.AfterRun after(DbOption db, boolean strict, LongSupplier id, PrintWriter out, PrintWriter err) {
    return (RunResult result, int code) -> {
      if (baseline == null) return code;
      if (code != ExitCode.PASS && code != ExitCode.CRITERIA_FAILED) {
        err.println("horde: not compared with " + baseline + ": the run did not complete");
        return code;
      }
      try {
        RunHistory h = db.open();
        Baseline b = h.baseline(baseline).orElseThrow(() -> new IllegalArgumentException("no baseline '" + baseline + "'"));
        List<RunRefs.Named> runs = new ArrayList<>();
        for (long r : b.runs()) runs.add(new RunRefs.Named("run " + r, RunRefs.run(h, r).result()));
        long self = id.getAsLong();
        RunRefs.Named candidate = new RunRefs.Named(self < 0 ? "this run" : "run " + self, result);
        Tolerance t = CompareReports.tolerance(result, new ToleranceFlags());
        int compared = new CompareReports(html, json, junit, strict).compare("baseline " + b.name(), runs, candidate, t, out, err);
        return Math.max(code, compared == ExitCode.BAD_INPUT ? ExitCode.CRITERIA_FAILED : compared);
      } catch (HistoryException | IllegalArgumentException e) {
        err.println("horde: could not compare with baseline " + baseline + ": " + e.getMessage());
        return Math.max(code, ExitCode.CRITERIA_FAILED);
      }
    };
  }
}
