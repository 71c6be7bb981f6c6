package horde.cli;

import horde.history.Page;
import horde.history.RunHistory;
import horde.history.RunQuery;
import horde.history.RunSummary;
import horde.history.Tags;
import horde.report.Units;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code horde runs}: the run history, newest first.
 *
 * <pre>
 * horde runs                         # the last 20 runs
 * horde runs --scenario chat --tag env=staging --limit 50
 * horde runs show 42 --html run42.html
 * horde runs prune --keep 200
 * </pre>
 */
@Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, sortOptions = false,
    description = "List recorded runs, newest first: id, time, scenario, tags, verdict, rps, p95, errors; a capacity search's knee.",
    subcommands = {RunsShowCommand.class, RunsPruneCommand.class},
    footer = {"", "Runs are recorded by horde run and horde demo (--no-history turns it off). Exit codes: 0 done, 2 bad input or database."})
final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "NAME", description = "Only runs of this scenario.")
  String scenario;

  @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "Only runs with this tag (repeatable: all must match).")
  List<String> tags;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "At most N runs (default ${DEFAULT-VALUE}).")
  int limit = 20;

  @Option(names = "--offset", paramLabel = "N", description = "Skip the newest N first.")
  int offset;

  @Mixin DbOption db = new DbOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    Page<RunSummary> page;
    RunHistory history;
    try {
      history = db.open();
      page = history.runs(new RunQuery(scenario, Tags.parse(tags), limit, offset));
    } catch (RuntimeException e) {
      if (!RunRefs.isUserError(e)) throw e;
      err.println("horde runs: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    if (page.total() == 0) {
      out.println("No runs in " + history.location() + (scenario == null && (tags == null || tags.isEmpty()) ? "" : " match") + ".");
      return ExitCode.PASS;
    }
    out.print(table(page.items()));
    out.printf(Locale.ROOT, "%d of %d runs in %s%n", page.items().size(), page.total(), history.location());
    return ExitCode.PASS;
  }

  static String table(List<RunSummary> runs) {
    String row = "%-6s %-19s %-20s %-24s %-8s %8s %8s %7s%n";
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, row, "ID", "STARTED (UTC)", "SCENARIO", "TAGS", "VERDICT", "RPS", "P95", "ERRORS"));
    boolean searches = runs.stream().anyMatch(r -> r.search() != null);
    if (searches) b.insert(b.length() - 1, "  SEARCH");
    for (RunSummary r : runs) {
      String verdict = r.verdict() + (r.aborted() ? "*" : "");
      b.append(String.format(Locale.ROOT, row, r.id(), when(r.startedAt()), clip(r.scenario(), 20), clip(tags(r.tags()), 24), verdict,
          Units.rate(r.rps()), r.requests() == r.failures() ? "-" : Units.ms(r.p95Ms()), Units.percent(r.errorRate())));
      // a search's figures mix every step it ran: what it found is its knee
      if (searches) b.insert(b.length() - 1, "  " + (r.search() == null ? "-" : r.search().describe()));
    }
    if (runs.stream().anyMatch(RunSummary::aborted)) b.append("* stopped early\n");
    return b.toString();
  }

  static String tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }

  static String when(String iso) {
    return iso.length() >= 19 ? iso.substring(0, 19).replace('T', ' ') : iso;
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
