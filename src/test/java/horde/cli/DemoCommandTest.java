package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code horde demo} end to end, in this JVM: the simulator it starts, the run, the result file. */
class DemoCommandTest {
  @TempDir Path tmp;

  /** The README's first command: about 30 s, so this is the one long test of the suite. */
  @Test
  void theDemoCrossesTheKneeAndPassesAtDefaultSettings() throws Exception {
    Cli cli = Cli.run("demo", "--out-dir", tmp.toString(), "--quiet");

    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.PASS);
    assertThat(cli.out()).contains("Ramping up to 100 users over 30s", "Verdict:", "The simulator has stopped", "horde simulate");
    JsonNode result = onlyResult();
    JsonNode reasons = result.path("summary").path("failures_by_reason");
    // Past the knee the simulator sheds load with 429, and nothing else goes wrong.
    assertThat(reasons.propertyNames()).as(cli.toString()).containsOnly("HTTP 429");
    assertThat(reasons.path("HTTP 429").asLong()).isPositive();
    assertThat(timeline(result).mapToInt(p -> p.path("users").asInt()).max()).hasValue(100);
    assertThat(timeline(result).mapToDouble(p -> p.path("p95_ms").asDouble()).max().orElse(0))
        .as("latency rises past the 2 s goal").isGreaterThan(2000);
    assertThat(result.path("scenario").path("file").asString()).isEqualTo(DemoScenario.BUNDLED);
  }

  @Test
  void aShortSmallDemoKeepsTheShapeOfTheRamp() {
    Cli cli = Cli.run("demo", "--out-dir", tmp.toString(), "--run-time", "3s", "--users", "10");

    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.PASS);
    assertThat(cli.out()).contains("stages 2 users/500ms -> 10 users/1.5s -> 10 users/1s, warm-up 500ms", "[", "Verdict: PASS");
    assertThat(cli.out()).contains("Result: " + tmp.resolve("demo-")).doesNotContain("Failures by reason");
  }

  @Test
  void aTakenPortIsAUsageError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Cli cli = Cli.run("demo", "--out-dir", tmp.toString(), "--port", String.valueOf(taken.getLocalPort()));
      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(cli.err()).contains("cannot listen", "try --port 0");
    }
  }

  @Test
  void badValuesAreUsageErrorsBeforeAnythingStarts() {
    assertThat(Cli.run("demo", "--run-time", "soon").err()).contains("--run-time: 'soon' is not a duration");
    Cli noUsers = Cli.run("demo", "--users", "0");
    assertThat(noUsers.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(noUsers.err()).contains("--users must be at least 1");
    assertThat(noUsers.out()).isEmpty();
  }

  private static Stream<JsonNode> timeline(JsonNode result) {
    return StreamSupport.stream(result.path("timeline").spliterator(), false);
  }

  private JsonNode onlyResult() throws Exception {
    File[] files = tmp.toFile().listFiles((d, name) -> name.matches("demo-\\d{8}-\\d{6}\\.json"));
    assertThat(files).hasSize(1);
    File html = new File(files[0].getPath().replace(".json", ".html"));
    assertThat(html).exists(); // the demo always writes the report too
    assertThat(java.nio.file.Files.readString(html.toPath())).contains("<html", "uPlot");
    return JsonMapper.builder().build().readTree(files[0]);
  }
}
