package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A port no socket can use is a usage error before the run, and a counted failure during it. */
class TargetPortTest {
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer().route("/ok", ex -> TestServer.reply(ex, 200, "{}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Path scenario(String target, String path) throws Exception {
    Path file = tmp.resolve("port.yaml");
    Files.writeString(file, "target: " + target + "\nvariables: {base: \"http://ann:s3cret@127.0.0.1:99999\"}\n"
        + "tasks:\n  - get: " + path + "\nload: {users: 1, run_time: 1s}\n");
    return file;
  }

  @Test
  void validateAndRunRefuseATargetPortOutOfRange() throws Exception {
    Path file = scenario("http://127.0.0.1:99999", "/ok");
    for (String command : new String[] {"validate", "run"}) {
      Cli cli = Cli.run(command, file.toString());
      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(cli.err()).contains(file + ":1:26: target: port 99999 is out of range").doesNotContain("Exception");
    }
    Cli host = Cli.run("run", scenario("http://127.0.0.1:1", "/ok").toString(), "--host", "http://127.0.0.1:99999");
    assertThat(host.exitCode()).as(host.toString()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(host.err()).contains("port 99999 is out of range").doesNotContain("Exception");
  }

  @Test
  void aRequestThatCannotBeSentFailsWithAReasonInsteadOfSticking() throws Exception {
    Path out = tmp.resolve("run.json");
    Cli cli = Cli.run("run", scenario(server.url(), "${base}/ok").toString(), "--skip-preflight", "--out", out.toString());
    assertThat(cli.out()).as(cli.toString()).doesNotContain("in flight");
    JsonNode summary = JsonMapper.builder().build().readTree(out.toFile()).path("summary");
    assertThat(summary.path("requests").asLong()).as(cli.toString()).isPositive();
    assertThat(summary.path("failures").asLong()).isEqualTo(summary.path("requests").asLong());
    assertThat(cli.out()).contains("port 99999 is out of range", "http://***@127.0.0.1:99999/ok");
    assertThat(cli.out() + cli.err() + Files.readString(out)).doesNotContain("s3cret");
  }
}
