package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import org.junit.jupiter.api.Test;

/** {@code horde validate}: what it says about a file, without sending anything. */
class ValidateCommandTest {
  static final String DIR = "src/test/resources/horde/cli/ValidateCommandTest/";

  @Test
  void thePlanShowsEveryKindOfStep() {
    Cli cli = Cli.run("validate", DIR + "flows.yaml", "--plan");
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(cli.out()).contains(
        "setup",
        "    POST /login",
        "    on_start",
        "      POST /session",
        "    task enhance weight 1",
        "      group workflow",
        "        POST /jobs",
        "        poll GET /jobs/[id] every 2s, at most 1m, until $.status = \"done\"",
        "      loop 3 times",
        "        GET /news",
        "        think constant 500ms",
        "      loop over turns",
        "        POST /chat",
        "      if plan equals [pro]",
        "        GET /pro",
        "      else",
        "        GET /free");
  }
}
