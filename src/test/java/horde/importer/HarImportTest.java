package horde.importer;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code horde import har}: a HAR recorded by a real Chromium visiting the simulator's demo page
 * becomes a scenario that validates and runs against another simulator, whose ids differ from the
 * recording's.
 */
class HarImportTest {
  @TempDir static Path tmp;
  static Path har;

  @BeforeAll
  static void record() {
    har = tmp.resolve("demo.har");
    try (Simulator sim = Simulator.start(fast())) {
      HarRecorder.record(sim.baseUrl() + "/demo/index.html", "done", har);
    }
  }

  static SimulatorOptions fast() {
    return SimulatorOptions.builder().timeToFirstToken(Duration.ofMillis(20)).tokensPerSecond(500)
        .jobDuration(Duration.ofMillis(200)).seed(7).build();
  }

  @Test
  void theRecordingValidatesAndRuns() throws Exception {
    Path out = tmp.resolve("demo.yaml");
    Cli imported = Cli.run("import", "har", har.toString(), "--out", out.toString(), "--force");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    String yaml = Files.readString(out);
    System.out.println(yaml);
    Cli validate = Cli.run("validate", out.toString());
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
    try (Simulator other = Simulator.start(fast().toBuilder().seed(99).build())) {
      Cli run = Cli.run("run", out.toString(), "--host", other.baseUrl(), "--run-time", "2s", "-q");
      System.out.println(run);
      assertThat(run.exitCode()).as(run.toString()).isZero();
    }
  }
}
