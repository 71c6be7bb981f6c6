package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code requests: N} counts the tasks' requests: a user's log-in and log-out come on top, as the server sees. */
class FixedCountTest {
  @TempDir Path tmp;

  @Test
  void countsTheTasksRequestsOnly() throws Exception {
    try (TestServer server = new TestServer()
        .route("/login", ex -> TestServer.reply(ex, 200, "{}"))
        .route("/chat", ex -> TestServer.reply(ex, 200, "{}"))
        .route("/logout", ex -> TestServer.reply(ex, 200, "{}"))) {
      Path scenario = Files.writeString(tmp.resolve("s.yaml"), """
          name: fixed-count
          target: %s
          setup: [{get: /login}]
          users:
            - name: u
              on_start: [{get: /login}]
              tasks: [{get: /chat}]
              on_stop: [{get: /logout}]
          load: { requests: 40, concurrency: 5 }
          """.formatted(server.url()));
      Path out = tmp.resolve("r.json");
      Cli cli = Cli.run("run", scenario.toString(), "-q", "--out", out.toString());
      assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.PASS);
      assertThat(server.served("/chat")).isEqualTo(40);
      assertThat(server.served("/login")).isEqualTo(5 + 1);
      assertThat(server.served("/logout")).isEqualTo(5);
    }
  }
}
