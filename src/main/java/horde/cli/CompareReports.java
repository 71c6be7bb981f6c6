package horde.cli;

import horde.compare.CompareJson;
import horde.compare.Comparer;
import horde.compare.Comparison;
import horde.compare.KneeComparison;
import horde.compare.Measured;
import horde.compare.MeasuredRun;
import horde.compare.Tolerance;
import horde.report.CompareHtml;
import horde.report.CompareJunit;
import horde.report.CompareTable;
import horde.result.RunResult;
import horde.stats.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a candidate with a baseline's runs, prints the table and writes the files asked for.
 * Shared by {@code compare} and {@code run --compare}.
 *
 * @param html a self-contained HTML page, or null
 * @param json the comparison as JSON, or null
 * @param junit a test case per endpoint and measure, or null
 */
record CompareReports(Path html, Path json, Path junit, boolean strict) {
  /** The tolerance: defaults, then the candidate's scenario's compare section, then the flags. */
  static Tolerance tolerance(RunResult candidate, ToleranceFlags flags) {
    return flags.over(Tolerance.DEFAULTS.with(Settings.of(candidate.settings()).compare()));
  }

  /** Compares, reports, and returns the exit code: 1 on a regression that fails, 2 when a file could not be written. */
  int compare(String baseline, List<RunRefs.Named> baselineRuns, RunRefs.Named candidate, Tolerance tolerance, PrintWriter out,
      PrintWriter err) {
    boolean searches = candidate.result().search() != null || baselineRuns.stream().anyMatch(n -> n.result().search() != null);
    if (searches) return knees(baseline, baselineRuns, candidate, out, err);
    List<MeasuredRun> base = new ArrayList<>();
    List<RunResult> results = new ArrayList<>();
    for (RunRefs.Named n : baselineRuns) {
      base.add(Measured.of(n.result(), n.label()));
      results.add(n.result());
    }
    Comparison c = Comparer.compare(baseline, base, Measured.of(candidate.result(), candidate.label()), tolerance);
    out.print(CompareTable.format(c));
    boolean ok = true;
    ReportFiles files = new ReportFiles(out, err);
    if (html != null) ok &= files.file("Comparison HTML", html, () -> CompareHtml.write(c, results, candidate.result(), html));
    if (json != null) ok &= files.file("Comparison JSON", json, () -> writeText(json, CompareJson.text(c)));
    if (junit != null) ok &= files.file("Comparison JUnit XML", junit, () -> CompareJunit.write(c, junit, strict));
    out.flush();
    if (!ok) return ExitCode.BAD_INPUT;
    return c.failed(strict) ? ExitCode.CRITERIA_FAILED : ExitCode.PASS;
  }

  /** Capacity searches: compared by their knees (their endpoints' figures mix every step), on the console and in JSON. */
  private int knees(String baseline, List<RunRefs.Named> baselineRuns, RunRefs.Named candidate, PrintWriter out, PrintWriter err) {
    List<RunRefs.Named> all = new ArrayList<>(baselineRuns);
    all.add(candidate);
    for (RunRefs.Named n : all) {
      if (n.result().search() == null) {
        err.println("horde compare: " + n.label() + " is a plain run and the other a capacity search: a search compares only with"
            + " another search (by its knee)");
        return ExitCode.BAD_INPUT;
      }
    }
    if (html != null || junit != null) {
      err.println("horde compare: capacity searches are compared by their knees, on the console and with --json; --html and --junit"
          + " compare endpoints");
      return ExitCode.BAD_INPUT;
    }
    KneeComparison k;
    try {
      k = KneeComparison.of(baseline, baselineRuns.stream().map(n -> n.result().search()).toList(), candidate.label(),
          candidate.result().search());
    } catch (IllegalArgumentException e) {
      err.println("horde compare: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    out.print(k.format());
    boolean ok = json == null || new ReportFiles(out, err).file("Comparison JSON", json, () -> writeText(json, k.json()));
    out.flush();
    if (!ok) return ExitCode.BAD_INPUT;
    return k.failed() ? ExitCode.CRITERIA_FAILED : ExitCode.PASS;
  }

  private static void writeText(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, text);
  }
}
