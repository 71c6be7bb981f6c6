package horde.cli;

import horde.run.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code horde} command. */
@Command(
    name = "horde",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionInfo.class,
    description = "Load testing for AI-product backends and any HTTP service.",
    subcommands = {DemoCommand.class, RunCommand.class, ValidateCommand.class, InitCommand.class, SchemaCommand.class,
        ReportCommand.class, SimulateCommand.class, RunsCommand.class, BaselineCommand.class, CompareCommand.class,
        ServeCommand.class, ImportCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Netty samples buffers for leak reports by default; a load generator pays for that on every
    // request. The tests turn it up to "paranoid" instead (see pom.xml).
    if (System.getProperty("io.netty.leakDetection.level") == null) {
      System.setProperty("io.netty.leakDetection.level", "disabled");
    }
    int code;
    try {
      code = execute(args);
    } catch (Error e) { // out of memory on this thread itself, after the run's own handling: never exit 1 ("criteria failed")
      System.err.println("horde: fatal error: " + e);
      code = ExitCode.INTERNAL;
    }
    System.exit(code);
  }

  /** Runs the CLI and returns its exit code (see {@link ExitCode}). */
  public static int execute(String... args) {
    return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /** Runs the CLI with its output going to {@code out} and {@code err}. */
  public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main()).setOut(out).setErr(err).setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("horde: internal error: " + e);
      e.printStackTrace(cmd.getErr());
      return ExitCode.INTERNAL;
    });
    cli.setParameterExceptionHandler(LocustRefusals.explaining(cli.getParameterExceptionHandler()));
    printVersionEverywhere(cli);
    cli.getSubcommands().get("run").setOverwrittenOptionsAllowed(true); // the last one wins, as in Locust
    try {
      args = LocustConfig.expand(cli.getSubcommands().get("run").getCommandSpec(), args);
    } catch (IllegalArgumentException e) {
      err.println("horde run: " + e.getMessage());
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** picocli does not pass a version provider down: every command and subcommand gets Horde's. */
  private static void printVersionEverywhere(CommandLine command) {
    command.getCommandSpec().versionProvider(new VersionInfo());
    command.getSubcommands().values().forEach(Main::printVersionEverywhere);
  }

  static final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"horde " + Version.VALUE, "java " + System.getProperty("java.version")};
    }
  }
}
