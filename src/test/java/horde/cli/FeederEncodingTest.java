package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV feeders saved by Excel: its byte-order mark, and its Latin-1 "CSV" format. */
class FeederEncodingTest {
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer().route("/login", ex -> TestServer.reply(ex,
        "user=ann".equals(ex.getRequestURI().getRawQuery()) ? 200 : 400, "{}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Path scenario(byte[] csv) throws Exception {
    Files.write(tmp.resolve("accounts.csv"), csv);
    Path file = tmp.resolve("feed.yaml");
    Files.writeString(file, """
        feeders: {accounts: accounts.csv}
        tasks:
          - get: /login
            query: {user: "${accounts.user}"}
        load: {requests: 3, concurrency: 1}
        """);
    return file;
  }

  @Test
  void theFirstColumnOfAnExcelUtf8FileIsFoundAndSent() throws Exception {
    byte[] csv = "\uFEFFuser,password\r\nann,pw\r\n".getBytes(StandardCharsets.UTF_8);
    Cli cli = Cli.run("run", scenario(csv).toString(), "--host", server.url(), "-q");
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(server.served("/login")).isEqualTo(3);
    assertThat(cli.out()).contains("/login").doesNotContain("HTTP 400");
  }

  @Test
  void aLatin1FileIsAProblemThatSaysWhereAndHowToFixIt() throws Exception {
    byte[] csv = "user,password\nren\u00e9,pw\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = scenario(csv);
    Cli cli = Cli.run("validate", file.toString(), "--host", server.url());
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).contains(file + ":1:11: feeder 'accounts' (" + tmp.resolve("accounts.csv")
        + "): line 2, column 4: byte 0xE9 is not UTF-8", "CSV UTF-8", "iconv", "1 problem").doesNotContain("Input length");
  }
}
