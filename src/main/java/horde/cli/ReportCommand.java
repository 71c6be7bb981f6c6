package horde.cli;

import horde.report.ConsoleSummary;
import horde.result.ResultReader;
import horde.result.ResultWindow;
import horde.scenario.Durations;
import horde.result.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code horde report RESULT.json}: rebuilds reports from a result file. Reporters read only the
 * result, so the files are the same as those written at the end of the run.
 *
 * <pre>
 * horde report results/run.json --html report.html --csv results/run --junit criteria.xml
 * horde report results/run.json            # prints the console summary again
 * horde report results/run.json --from 60s --to 5m --html steady.html   # a window, recomputed
 * </pre>
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, sortOptions = false, description = "Rebuild reports (HTML, Locust CSV, JUnit XML) from a result file.",
    footer = {"", "With no format option, prints the end-of-run summary. Exit codes: 0 done, 2 unreadable result or unwritable file."})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULT", description = "A result file written by horde run --out.")
  Path file;

  @Mixin ReportFlags reports = new ReportFlags();

  @Option(names = "--strict", description = "In JUnit XML, missed warn-level criteria are failures (as with run --strict).")
  boolean strict;

  @Option(names = "--from", paramLabel = "DURATION", description = "Only the run from this point on, e.g. 60s or 2m"
      + " (every figure, criterion and finding recomputed from the per-second intervals).")
  String from;

  @Option(names = "--to", paramLabel = "DURATION", description = "Only the run up to this point, e.g. 5m.")
  String to;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "With --from/--to: write the window's result file here.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter print = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("horde: no result file " + file);
      return ExitCode.BAD_INPUT;
    }
    RunResult result;
    Outputs outputs = reports.onto(new Outputs(out, strict, true)).stamped(LocalDateTime.now());
    try {
      reports.check();
      result = window(ResultReader.read(file));
      outputs.check(Map.of(file, "the result file"));
    } catch (IOException | RuntimeException e) {
      err.println("horde: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    if (reports.none() && out == null) {
      print.print(ConsoleSummary.format(result));
      print.flush();
      return ExitCode.PASS;
    }
    return new ReportFiles(print, err).write(result, outputs, out != null) ? ExitCode.PASS : ExitCode.BAD_INPUT;
  }

  /** The result, or the window of it that --from and --to give. */
  private RunResult window(RunResult whole) {
    if (from == null && to == null) {
      if (out != null) throw new IllegalArgumentException("--out writes a window of the run: give --from or --to");
      return whole;
    }
    double start = from == null ? 0 : Durations.parse(from).toNanos() / 1e9;
    double end = to == null ? whole.stats().runSeconds() : Durations.parse(to).toNanos() / 1e9;
    if (to == null && start >= end) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "--from %s is past the end of the run (%.1f s)", from, end));
    }
    return ResultWindow.of(whole, start, end);
  }
}
