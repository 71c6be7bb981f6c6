package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Keeps docs/locust.md true: every Locust flag Horde takes or refuses is in its tables. */
class LocustDocTest {
  @Test
  void everyLocustFlagIsInTheTables() throws Exception {
    String doc = Files.readString(Path.of("docs/locust.md"));
    assertThat(LocustRefusals.all().keySet()).allSatisfy(flag -> assertThat(doc).contains("`" + flag + "`"));
    CommandLine run = Main.commandLine().getSubcommands().get("run");
    for (OptionSpec o : run.getCommandSpec().options()) {
      if (o.description().length > 0 && o.description()[0].startsWith("(Locust)")) {
        for (String name : o.names()) assertThat(doc).as(name).contains("`" + name);
      }
    }
    for (String alias : new String[] {"--only-summary", "--stop-timeout", "--csv-full-history"})
      assertThat(doc).contains("`" + alias);
  }
}
