package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Without criteria, Locust's rule decides: any failed request fails the run, in every format. */
class NoCriteriaTest {
  @TempDir Path tmp;

  @Test
  void failedRequestsFailARunWithoutCriteria() throws Exception {
    try (TestServer server = new TestServer().route("/broken", ex -> TestServer.reply(ex, 500, "{}"))) {
      Path scenario = Files.writeString(tmp.resolve("s.yaml"), """
          name: no-criteria
          target: %s
          users: [{name: u, tasks: [{get: /broken}]}]
          load: { requests: 20, concurrency: 2 }
          """.formatted(server.url()));
      Path out = tmp.resolve("out");
      Cli cli = Cli.run("run", scenario.toString(), "-q", "--out", out + "/r.json", "--html", out + "/r.html");
      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.CRITERIA_FAILED);
      assertThat(cli.out()).contains("Verdict: FAIL (no criteria; 20 requests failed)");
      var result = JsonMapper.builder().build().readTree(out.resolve("r.json").toFile());
      assertThat(result.path("verdict").asString()).isEqualTo("fail");
      assertThat(result.path("notes").toString()).contains("no criteria: 20 of 20 requests failed");
      assertThat(Files.readString(out.resolve("r.html"))).contains("<div class=\"verdict fail\">FAIL");
    }
  }

  @Test
  void aCleanRunWithoutCriteriaPasses() throws Exception {
    try (TestServer server = new TestServer().route("/ok", ex -> TestServer.reply(ex, 200, "{}"))) {
      Path scenario = Files.writeString(tmp.resolve("s.yaml"), """
          name: no-criteria
          target: %s
          users: [{name: u, tasks: [{get: /ok}]}]
          load: { requests: 20, concurrency: 2 }
          """.formatted(server.url()));
      Cli cli = Cli.run("run", scenario.toString(), "-q");
      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.PASS);
      assertThat(cli.out()).contains("Verdict: PASS (no criteria, no failed request)");
    }
  }
}
