package horde.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code horde completion bash|zsh}: prints the shell completion script picocli generates from the
 * commands themselves, so it always knows every subcommand, option and enum value.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
    description = "Print a completion script for bash or zsh: subcommands, options, file names.",
    footer = {"", "Load it in the current shell, or add the line to ~/.bashrc or ~/.zshrc:",
        "  source <(horde completion bash)",
        "  source <(horde completion zsh)"})
final class CompletionCommand implements Callable<Integer> {
  /** The shells picocli's script serves; zsh runs it through its bashcompinit. */
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    // One script serves both: it turns on zsh's bash compatibility itself when zsh runs it.
    spec.commandLine().getOut().print(AutoComplete.bash("horde", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCode.PASS;
  }
}
