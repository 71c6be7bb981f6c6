package horde.cli;

import horde.history.RunSummary;
import horde.history.StoredRun;
import horde.report.ConsoleSummary;
import horde.result.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code horde runs show ID}: a recorded run's summary, and any report of it. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, sortOptions = false,
    description = "Show a recorded run's summary; write any report of it (--html, --csv, --junit, --out).")
final class RunsShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The run's id (from horde runs), or latest.")
  String id;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the run's result file here.")
  Path json;

  @Option(names = "--scenario-text", description = "Print the scenario as it was run.")
  boolean scenarioText;

  @Mixin ReportFlags reports = new ReportFlags();
  @Mixin DbOption db = new DbOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    StoredRun run;
    RunResult result;
    Outputs outputs = reports.onto(new Outputs(null, false, true));
    try {
      var history = RunRefs.lazily(db);
      long n = id.equals("latest") ? history.get().latest().orElseThrow(() -> new IllegalArgumentException("the history has no runs yet"))
          : parse(id);
      run = RunRefs.run(history.get(), n);
      result = run.result();
      outputs.check(Map.of());
    } catch (IOException e) {
      err.println("horde runs show: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    } catch (RuntimeException e) {
      if (!RunRefs.isUserError(e)) throw e;
      err.println("horde runs show: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    RunSummary s = run.summary();
    out.printf("Run %d: %s, started %s UTC on %s, Horde %s%n", s.id(), s.scenario(), RunsCommand.when(s.startedAt()), s.host(),
        s.hordeVersion());
    if (!s.tags().isEmpty()) out.println("Tags: " + RunsCommand.tags(s.tags()));
    if (scenarioText) out.println(run.scenarioText() == null ? "(no scenario text recorded)" : run.scenarioText());
    out.print(ConsoleSummary.format(result));
    boolean ok = new ReportFiles(out, err).write(result, outputs, false);
    if (json != null) {
      try {
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(json, run.resultTree().toPrettyString() + "\n");
        out.println("Result: " + json);
      } catch (IOException e) {
        err.println("horde: could not write " + json + ": " + e.getMessage());
        ok = false;
      }
    }
    out.flush();
    return ok ? ExitCode.PASS : ExitCode.BAD_INPUT;
  }

  static long parse(String id) {
    if (!id.matches("#?[0-9]{1,18}")) throw new IllegalArgumentException("'" + id + "' is not a run id: give the number from horde runs");
    return Long.parseLong(id.replace("#", ""));
  }
}
