package horde.cli;

import horde.history.RunHistory;
import horde.history.Retention;
import horde.scenario.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code horde runs prune}: deletes old runs; runs in a baseline stay. */
@Command(name = "prune", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class, sortOptions = false,
    description = "Delete old runs: beyond the newest N, or older than a duration (with both: only runs that are both)."
        + " Runs in a baseline are kept.")
final class RunsPruneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--keep", paramLabel = "N", description = "Keep the newest N runs.")
  Integer keep;

  @Option(names = "--older-than", paramLabel = "DURATION", description = "Delete runs older than this, e.g. 30d, 12h.")
  String olderThan;

  @Option(names = "--dry-run", description = "Only list what would be deleted.")
  boolean dryRun;

  @Mixin DbOption db = new DbOption();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    try {
      Retention retention = new Retention(keep, olderThan == null ? null : age(olderThan));
      RunHistory history = db.open();
      List<Long> ids = history.prune(retention, dryRun);
      out.println((dryRun ? "Would delete " : "Deleted ") + ids.size() + (ids.size() == 1 ? " run" : " runs")
          + (ids.isEmpty() ? "" : ": " + ids.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""))
          + " from " + history.location());
      return ExitCode.PASS;
    } catch (RuntimeException e) {
      if (!RunRefs.isUserError(e)) throw e;
      err.println("horde runs prune: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
  }

  /** {@code 30d} and {@code 2w} as well as every duration Horde reads ({@code 12h}, {@code 90m}). */
  static Duration age(String text) {
    String t = text.strip();
    if (t.matches("[0-9]{1,5}d")) return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
    if (t.matches("[0-9]{1,4}w")) return Duration.ofDays(7 * Long.parseLong(t.substring(0, t.length() - 1)));
    try {
      return Durations.parse(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--older-than " + text + ": give an age like 30d, 2w or 12h");
    }
  }
}
