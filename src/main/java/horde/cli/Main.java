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
    subcommands = {RunCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (see {@link ExitCode}). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("horde: internal error: " + e);
      e.printStackTrace(cmd.getErr());
      return ExitCode.INTERNAL;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"horde " + Version.VALUE, "java " + System.getProperty("java.version")};
    }
  }
}
