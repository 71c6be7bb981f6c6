package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import horde.Cli;
import horde.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that echoes the request into its errors, as many do: the scenario's credentials must
 * not reach any output through the failure samples or the message of a failed setup.
 */
class RedactedSamplesTest {
  static final String DIR = "src/test/resources/horde/cli/RedactedSamplesTest/";
  /** What the scenarios send: the target's login (ann:s3cr3t-pw, also as base64) and the rest. */
  static final List<String> SECRETS = List.of("s3cr3t", "YW5uOnMzY3IzdC1wdw", "xk-0123456789abcdef",
      "sk-proj-abcdefghijklmnop1234", "hunter2", "tok-9876543210", "qt-5551234567", "bt-abcdefghijklmnop");
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer()
        .route("/echo/headers", ex -> TestServer.reply(ex, 500, "bad request:\n" + headers(ex)))
        .route("/echo/body", ex -> TestServer.reply(ex, 500, TestServer.body()))
        .route("/echo/line", ex -> TestServer.reply(ex, 500, "cannot serve GET " + ex.getRequestURI() + " HTTP/1.1"))
        .route("/echo/json", ex -> TestServer.reply(ex, 500,
            "{\"headers\":{\"Authorization\":\"" + ex.getRequestHeaders().getFirst("Authorization") + "\"}}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void noReportShowsASecretTheServerEchoed() throws Exception {
    Path out = tmp.resolve("out");
    Cli cli = Cli.run("run", DIR + "echo.yaml", "--host", login(), "--out", out.resolve("run.json").toString(),
        "--html", out.resolve("run.html").toString(), "--csv", out.resolve("run").toString(),
        "--junit", out.resolve("run.xml").toString());
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.CRITERIA_FAILED);
    assertThat(server.served("/echo/body")).isPositive();
    // The samples are there, with their secrets hidden.
    assertThat(cli.out()).contains("Authorization: Basic ***", "X-api-key: ***", "\"api_key\":\"***\"", "token=***&user=ann",
        "access_token=***", "\"Authorization\":\"Bearer ***\"");
    String all = cli.out() + cli.err();
    try (var files = Files.list(out)) {
      for (Path f : files.toList()) all += Files.readString(f);
    }
    for (String secret : SECRETS) assertThat(all).doesNotContain(secret);
  }

  @Test
  void aFailedSetupSaysWhyWithoutTheSecretsTheServerEchoed() {
    Cli cli = Cli.run("run", DIR + "setup.yaml", "--host", login());
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.ABORTED);
    assertThat(cli.out() + cli.err()).contains("setup", "HTTP 500", "\"password\":\"***\"");
    for (String secret : SECRETS) assertThat(cli.out() + cli.err()).doesNotContain(secret);
  }

  private String login() {
    return server.url().replace("http://", "http://ann:s3cr3t-pw@");
  }

  /** The request's headers as lines, the credentials first (a sample keeps the start of a body). */
  private static String headers(HttpExchange ex) {
    return ex.getRequestHeaders().entrySet().stream()
        .sorted(Comparator.comparing(e -> !e.getKey().equalsIgnoreCase("Authorization") && !e.getKey().equalsIgnoreCase("X-Api-Key")))
        .map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).collect(Collectors.joining("\n"));
  }
}
