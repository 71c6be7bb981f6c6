package horde.cli;

import horde.engine.NettyDefaults;
import horde.scenario.Version;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code horde} command. */
@Command(
    name = "horde",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionInfo.class,
    description = "Load testing for AI-product backends and any HTTP service.")
public final class Main implements Runnable {
  private static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, RunCommand.class, WorkerCommand.class,
      ValidateCommand.class, InitCommand.class, SchemaCommand.class, ReportCommand.class, SimulateCommand.class,
      RunsCommand.class, BaselineCommand.class, CompareCommand.class, ServeCommand.class, UiCommand.class,
      ImportCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class);
  /** Commands that read the whole tree of commands rather than run one. */
  private static final Set<Class<?>> NEED_ALL = Set.of(CompletionCommand.class, CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    NettyDefaults.apply();
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
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the CLI with its output going to {@code out} and {@code err}. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(args).setOut(out).setErr(err).setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("horde: internal error: " + e);
      e.printStackTrace(cmd.getErr());
      return ExitCode.INTERNAL;
    });
    cli.setParameterExceptionHandler(LocustRefusals.explaining(cli.getParameterExceptionHandler()));
    printVersionEverywhere(cli);
    CommandLine run = cli.getSubcommands().get("run");
    if (run != null) {
      run.setOverwrittenOptionsAllowed(true); // the last one wins, as in Locust
      try {
        args = LocustConfig.expand(run.getCommandSpec(), args);
      } catch (IllegalArgumentException e) {
        err.println("horde run: " + e.getMessage());
        err.flush();
        return ExitCode.BAD_INPUT;
      }
    }
    return cli.execute(args);
  }

  /**
   * The command line for these arguments, with only the subcommand they name: picocli reads every
   * command's annotations when it is added, and building all sixteen cost about a third of a second
   * of CPU at each start, which a run pays before its first request. Help, completion and anything
   * else (no arguments, an option, a typo that needs suggestions) get them all.
   */
  public static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new Main());
    for (Class<?> command : subcommandsFor(args)) cli.addSubcommand(command);
    return cli;
  }

  private static List<Class<?>> subcommandsFor(String[] args) {
    if (args.length == 0) return SUBCOMMANDS;
    for (Class<?> command : SUBCOMMANDS) {
      Command names = command.getAnnotation(Command.class);
      if (names.name().equals(args[0]) || List.of(names.aliases()).contains(args[0])) {
        return NEED_ALL.contains(command) ? SUBCOMMANDS : List.of(command);
      }
    }
    return SUBCOMMANDS;
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
