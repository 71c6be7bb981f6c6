package horde.cli;

import horde.history.Baseline;
import horde.history.RunHistory;
import horde.history.RunSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code horde baseline}: names runs as a baseline to compare later runs with.
 *
 * <pre>
 * horde baseline set prod-v1 40 41 42     # three runs: their run-to-run spread counts in comparisons
 * horde baseline list
 * horde baseline show prod-v1
 * horde baseline delete prod-v1
 * </pre>
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
    description = "Name one or more runs of a scenario as a baseline; list, show and delete baselines.",
    footer = {"", "Exit codes: 0 done, 2 bad input or database."})
final class BaselineCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "set", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, description = "Create or replace baseline NAME with these runs (ids, or latest).")
  int set(@Parameters(index = "0", paramLabel = "NAME") String name,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "RUN") List<String> runs,
      @Option(names = {"-d", "--description"}, paramLabel = "TEXT", description = "What the baseline stands for.") String description,
      @Mixin DbOption db) {
    return with(db, "set", h -> {
      List<Long> ids = new ArrayList<>();
      for (String r : runs) {
        ids.add(r.equals("latest") ? h.latest().orElseThrow(() -> new IllegalArgumentException("the history has no runs yet"))
            : RunsShowCommand.parse(r));
      }
      Baseline b = h.setBaseline(name, ids, description);
      out().println("Baseline " + b.name() + ": " + runsText(b) + " of " + b.scenario());
      if (ids.size() == 1) out().println("(one run cannot show the run-to-run spread; three or more make comparisons more robust)");
      return ExitCode.PASS;
    });
  }

  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, description = "List the baselines.")
  int list(@Mixin DbOption db) {
    return with(db, "list", h -> {
      List<Baseline> all = h.baselines();
      if (all.isEmpty()) out().println("No baselines in " + h.location() + " (horde baseline set NAME RUN...).");
      for (Baseline b : all) {
        out().printf("%-24s %-20s %-22s %s%n", b.name(), b.scenario(), runsText(b), b.description());
      }
      return ExitCode.PASS;
    });
  }

  @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, description = "Show a baseline and its runs.")
  int show(@Parameters(index = "0", paramLabel = "NAME") String name, @Mixin DbOption db) {
    return with(db, "show", h -> {
      Baseline b = h.baseline(name).orElseThrow(() -> new IllegalArgumentException("no baseline '" + name + "' in " + h.location()));
      out().println("Baseline " + b.name() + " of " + b.scenario() + ", set " + RunsCommand.when(b.createdAt()) + " UTC"
          + (b.description().isEmpty() ? "" : ": " + b.description()));
      List<RunSummary> runs = new ArrayList<>();
      for (long id : b.runs()) runs.add(RunRefs.run(h, id).summary());
      out().print(RunsCommand.table(runs));
      return ExitCode.PASS;
    });
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, description = "Delete a baseline (its runs stay).")
  int delete(@Parameters(index = "0", paramLabel = "NAME") String name, @Mixin DbOption db) {
    return with(db, "delete", h -> {
      if (!h.deleteBaseline(name)) throw new IllegalArgumentException("no baseline '" + name + "' in " + h.location());
      out().println("Deleted baseline " + name);
      return ExitCode.PASS;
    });
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private static String runsText(Baseline b) {
    return (b.runs().size() == 1 ? "run " : "runs ") + String.join(", ", b.runs().stream().map(String::valueOf).toList());
  }

  private int with(DbOption db, String what, Function<RunHistory, Integer> work) {
    try {
      int code = work.apply(db.open());
      out().flush();
      return code;
    } catch (RuntimeException e) {
      if (!RunRefs.isUserError(e)) throw e;
      spec.commandLine().getErr().println("horde baseline " + what + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
  }
}
