package horde.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The Locust flags of {@code horde run} that mean something in Horde, with Locust's meaning (the
 * table is in docs/locust.md). Those that share a Horde flag's meaning are names of that flag
 * instead ({@code --only-summary} is {@code --quiet}, {@code -s/--stop-timeout} is
 * {@code --graceful-stop}); those that mean nothing here are refused by {@link LocustRefusals}.
 */
final class LocustFlags {
  @Option(names = {"-f", "--locustfile"}, paramLabel = "FILE",
      description = "(Locust) The scenario file, as Locust's -f; every word after the options is then a user class.")
  Path locustfile;

  @Option(names = "--config", paramLabel = "FILE",
      description = "(Locust) Read options from a locust.conf file (key = value lines); the command line wins.")
  Path config; // read by LocustConfig before the command line is parsed

  @Option(names = {"-l", "--list"}, description = "(Locust) List the scenario's user classes and exit.")
  boolean list;

  @Option(names = "--exit-code-on-error", paramLabel = "N",
      description = "(Locust) Exit code when requests failed and no criterion decides (default: ${DEFAULT-VALUE}).")
  int exitCodeOnError = ExitCode.CRITERIA_FAILED;

  @Option(names = "--equal-weights", description = "(Locust) Run every user class and every task equally often.")
  boolean equalWeights;

  @Option(names = {"-L", "--loglevel"}, paramLabel = "LEVEL",
      description = "(Locust) Level of the libraries' log (Netty): DEBUG, INFO, WARNING, ERROR or CRITICAL.")
  LogSetup.Level logLevel;

  @Option(names = "--logfile", paramLabel = "FILE", description = "(Locust) Write that log to FILE instead of the console.")
  Path logFile;

  @Option(names = "--skip-log-setup", description = "(Locust) Leave the log as java.util.logging is configured.")
  boolean skipLogSetup;

  // Accepted because Horde always does what they ask: no web UI, no waiting, progress lines.
  @Option(names = "--headless", description = "(Locust) Accepted: Horde always runs headless.")
  boolean headless;

  @Option(names = "--autostart", description = "(Locust) Accepted: Horde starts at once.")
  boolean autostart;

  @Option(names = "--autoquit", paramLabel = "SECONDS",
      description = "(Locust) Accepted: Horde quits as soon as the run's files are written.")
  Integer autoquit;

  @Option(names = "--print-stats", description = "(Locust) Accepted: Horde prints progress lines (-q hides them).")
  boolean printStats;

  /** Locust's bounds: an exit code is 0 to 255. */
  void check() {
    if (exitCodeOnError < 0 || exitCodeOnError > 255)
      throw new IllegalArgumentException("--exit-code-on-error must be 0 to 255, not " + exitCodeOnError);
  }
}
