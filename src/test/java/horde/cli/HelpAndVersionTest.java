package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.run.Version;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every subcommand answers --help, -h, --version and -V, even when it needs a file to run. */
class HelpAndVersionTest {
  private static List<String> subcommands() {
    return new CommandLine(new Main()).getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
  }

  @Test
  void everySubcommandPrintsItsUsage() {
    assertThat(subcommands()).contains("run", "validate", "report", "demo");
    for (String name : subcommands()) {
      for (String flag : List.of("--help", "-h")) {
        Cli cli = Cli.run(name, flag);
        assertThat(cli.exitCode()).as(name + " " + flag + "\n" + cli).isZero();
        assertThat(cli.out()).as(name + " " + flag).contains("Usage: horde " + name);
        assertThat(cli.err()).as(name + " " + flag).isEmpty();
      }
    }
  }

  @Test
  void everySubcommandPrintsTheVersion() {
    for (String name : subcommands()) {
      for (String flag : List.of("--version", "-V")) {
        Cli cli = Cli.run(name, flag);
        assertThat(cli.exitCode()).as(name + " " + flag + "\n" + cli).isZero();
        assertThat(cli.out()).as(name + " " + flag).startsWith("horde " + Version.VALUE);
      }
    }
  }
}
