package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.HordeProcess;
import horde.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ctrl-C (SIGINT) and SIGTERM stop the run, write what ran, and exit with 4. */
class CtrlCTest {
  @TempDir Path tmp;

  @Test
  void sigintWritesTheResultOfWhatRan() throws Exception {
    stopsWith("INT");
  }

  @Test
  void sigtermDoesTheSame() throws Exception {
    stopsWith("TERM");
  }

  void stopsWith(String signal) throws Exception {
    try (TestServer server = new TestServer().route("/ok", ex -> {
      Thread.sleep(5);
      TestServer.reply(ex, 200, "{}");
    })) {
      Path scenario = tmp.resolve("s.yaml");
      Files.writeString(scenario, "name: long\ntarget: " + server.url() + "\nusers:\n  - name: u\n    tasks:\n      - get: /ok\n");
      Path out = tmp.resolve("r.json");
      try (HordeProcess horde = new HordeProcess(tmp, "run", scenario.toString(), "-u", "5", "-t", "60s", "--out", out.toString())) {
        assertThat(horde.awaitOutput("req/s", 20)).as("progress line").isTrue();
        horde.signal(signal);
        assertThat(horde.waitFor(15)).as(horde.output()).isEqualTo(ExitCode.ABORTED);
        assertThat(horde.output()).contains("stopping", "stopped early");
      }
      JsonNode r = JsonMapper.builder().build().readTree(out.toFile());
      assertThat(r.path("aborted").asBoolean()).isTrue();
      assertThat(r.path("summary").path("requests").asLong()).isPositive()
          .isLessThanOrEqualTo(server.served("/ok"));
      assertThat(r.path("duration_s").asDouble()).isLessThan(30);
    }
  }
}
