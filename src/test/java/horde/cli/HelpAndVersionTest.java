package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.scenario.Version;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every subcommand answers --help, -h, --version and -V, even when it needs a file to run; a
 * command line builds only the subcommand it names, unless it needs the whole tree.
 */
class HelpAndVersionTest {
  private static List<String> subcommands() {
    return Main.commandLine().getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
  }

  /** picocli warns on System.err itself (not the command's err) about a description it cannot format: caught there. */
  @Test
  void everySubcommandPrintsItsUsage() {
    assertThat(subcommands()).contains("run", "validate", "report", "demo");
    PrintStream stderr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      for (String name : subcommands()) {
        for (String flag : List.of("--help", "-h")) {
          Cli cli = Cli.run(name, flag);
          assertThat(cli.exitCode()).as(name + " " + flag + "\n" + cli).isZero();
          assertThat(cli.out()).as(name + " " + flag).contains("Usage: horde " + name);
          assertThat(cli.err()).as(name + " " + flag).isEmpty();
          assertThat(warnings.toString(StandardCharsets.UTF_8)).as(name + " " + flag).doesNotContain("[picocli");
        }
      }
    } finally {
      System.setErr(stderr);
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

  @Test
  void onlyTheNamedSubcommandIsBuilt() {
    assertThat(Main.commandLine("run", "scenario.yaml").getSubcommands()).containsOnlyKeys("run");
    assertThat(Main.commandLine("runs", "list").getSubcommands()).containsOnlyKeys("runs");
    assertThat(Main.commandLine("completion", "bash").getSubcommands().keySet()).containsAll(subcommands());
    assertThat(Main.commandLine("help", "run").getSubcommands().keySet()).containsAll(subcommands());
    assertThat(Main.commandLine("--help").getSubcommands().keySet()).containsAll(subcommands());

    Cli typo = Cli.run("ruun");
    assertThat(typo.err()).contains("Did you mean: horde run or horde runs?");
    assertThat(Cli.run("completion", "bash").out()).contains("validate", "baseline");
  }
}
