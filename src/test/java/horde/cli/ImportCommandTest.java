package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import org.junit.jupiter.api.Test;

/** {@code horde import} on its own lists its sources; {@code horde --help} lists import. */
class ImportCommandTest {
  @Test
  void itListsItsSources() {
    Cli usage = Cli.run("import");
    assertThat(usage.exitCode()).isZero();
    assertThat(usage.err()).contains("har", "openapi", "curl");
    assertThat(Cli.run("--help").out()).contains("import");
    Cli har = Cli.run("import", "har", "--help");
    assertThat(har.out()).contains("--include-static", "--domain", "--out", "--host", "--force");
  }
}
