package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import horde.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code horde validate}: what it says about a file, without sending anything. */
class ValidateCommandTest {
  static final String DIR = "src/test/resources/horde/cli/ValidateCommandTest/";

  /** It used to spin, growing to 1.4 GB, in the YAML library's merge. */
  @Test
  void aMappingMergedIntoItselfIsAProblemNotAHang(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("merge.yaml");
    Files.writeString(file, "x-r: &r {<<: *r}\ntasks: [get: /]\n");
    Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run("validate", file.toString()));
    assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).contains(file + ":1:14: '<<: *r' merges the mapping it is part of (&r, line 1) into itself");
  }

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
