package horde.cli;

import horde.compare.Tolerance;
import horde.history.Baseline;
import horde.history.RunHistory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code horde compare}: a run against a baseline, per endpoint and measure, with a verdict that
 * needs both statistical evidence and a change beyond the tolerance (docs/compare.md).
 *
 * <pre>
 * horde compare before.json after.json            # two result files, no database
 * horde compare 41 42                             # two runs from the history
 * horde compare latest --baseline prod-v1 --junit compare.xml
 * </pre>
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, sortOptions = false,
    description = "Compare a run with a baseline: improved, unchanged or regressed, per endpoint and measure.",
    footer = {"", "A RUN is a result file, a run id from the history, or latest.",
        "Exit codes: 0 no regression at fail level, 1 a regression at fail level (any with --strict), 2 bad input."})
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..2", paramLabel = "RUN", description = "BASELINE CANDIDATE, or only CANDIDATE with --baseline.")
  List<String> runs;

  @Option(names = {"-b", "--baseline"}, paramLabel = "NAME", description = "Compare with this baseline from the history.")
  String baseline;

  @Option(names = "--strict", description = "Warn-level regressions fail too.")
  boolean strict;

  @Mixin CompareFiles files = new CompareFiles();
  @Mixin ToleranceFlags tolerance = new ToleranceFlags();
  @Mixin DbOption db = new DbOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    Supplier<RunHistory> history = RunRefs.lazily(db);
    String name;
    List<RunRefs.Named> base = new ArrayList<>();
    RunRefs.Named candidate;
    Tolerance t;
    try {
      if (baseline != null) {
        if (runs.size() != 1) throw new IllegalArgumentException("with --baseline, name one run: the candidate");
        Baseline b = history.get().baseline(baseline)
            .orElseThrow(() -> new IllegalArgumentException("no baseline '" + baseline + "' in " + history.get().location()));
        name = "baseline " + b.name();
        for (long id : b.runs()) base.add(new RunRefs.Named("run " + id, RunRefs.run(history.get(), id).result()));
        candidate = RunRefs.resolve(runs.get(0), history);
      } else {
        if (runs.size() != 2) throw new IllegalArgumentException("name two runs (BASELINE CANDIDATE), or one with --baseline NAME");
        RunRefs.Named a = RunRefs.resolve(runs.get(0), history);
        base.add(a);
        name = a.label();
        candidate = RunRefs.resolve(runs.get(1), history);
      }
      t = CompareReports.tolerance(candidate.result(), tolerance);
    } catch (RuntimeException e) {
      if (!RunRefs.isUserError(e)) throw e;
      err.println("horde compare: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    return files.reports(strict).compare(name, base, candidate, t, out, err);
  }
}
