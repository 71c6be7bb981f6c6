package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.RawServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Failures that come with no exception still get a sample that says what happened. */
class FailureSamplesTest {
  @TempDir Path tmp;

  JsonNode run(RawServer.Behaviour behaviour, String timeout) throws Exception {
    try (RawServer server = new RawServer(behaviour)) {
      Path scenario = Files.writeString(tmp.resolve("s.yaml"), """
          name: samples
          target: %s
          preflight: false
          defaults: {timeout: %s}
          users: [{name: u, tasks: [{get: /x}]}]
          load: { requests: 3, concurrency: 1 }
          """.formatted(server.url(), timeout));
      Cli cli = Cli.run("run", scenario.toString(), "-q", "--out", tmp.resolve("r.json").toString());
      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.CRITERIA_FAILED);
      return JsonMapper.builder().build().readTree(tmp.resolve("r.json").toFile()).path("summary");
    }
  }

  @Test
  void aTimeoutSaysHowLongItWaited() throws Exception {
    JsonNode s = run((socket, out) -> sleepQuietly(), "300ms");
    assertThat(s.path("failure_samples").path("timeout").asString()).isEqualTo("no complete answer within 300 ms");
    assertThat(s.path("failure_kinds").path("timeout").asString()).isEqualTo("timeout");
  }

  @Test
  void aClosedConnectionSaysSo() throws Exception {
    JsonNode s = run(RawServer.CLOSE, "5s");
    assertThat(s.path("failure_samples").path("connection closed").asString())
        .isEqualTo("the server closed the connection before the answer ended");
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
