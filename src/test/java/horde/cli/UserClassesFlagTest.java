package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.TestServer;
import org.junit.jupiter.api.Test;

/** {@code --user-classes a,b}: only the named classes run (or are checked). */
class UserClassesFlagTest {
  static final String FILE = "src/test/resources/horde/cli/UserClassesFlagTest/two-classes.yaml";

  @Test
  void onlyTheNamedClassesRun() throws Exception {
    try (TestServer server =
        new TestServer()
            .route("/chat", ex -> TestServer.reply(ex, 200, "{}"))
            .route("/search", ex -> TestServer.reply(ex, 200, "{}"))
            .route("/", ex -> TestServer.reply(ex, 200, "{}"))) {
      Cli cli =
          Cli.run("run", FILE, "--host", server.url(), "--user-classes", "chatter,browser", "-q");
      assertThat(cli.exitCode()).as(cli.toString()).isZero();
      assertThat(server.served("/chat") + server.served("/")).isEqualTo(10);
      assertThat(server.served("/search")).isZero();
      assertThat(cli.err())
          .contains(
              "horde: --user-classes: leaving out the threshold 'p95 < 5s' on /search: none of the"
                  + " selected user classes has it");
    }
  }

  @Test
  void theSelectedClassesKeepTheScenariosPricesAndCacheRule() throws Exception {
    try (TestServer server = new TestServer().route("/chat", ex -> TestServer.reply(ex, 200, "{\"cached\":true}"))) {
      Cli cli = Cli.run("run", "src/test/resources/horde/cli/UserClassesFlagTest/priced.yaml", "--host", server.url(),
          "--user-classes", "chatter");
      assertThat(cli.exitCode()).as(cli.toString()).isZero();
      assertThat(server.served("/chat")).isEqualTo(10);
      assertThat(cli.out()).contains("cost $0.10", "cache hits 100%");
    }
  }

  @Test
  void validateChecksOnlyThem() {
    Cli cli = Cli.run("validate", FILE, "--user-classes", "searcher");
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(cli.out()).contains("OK (1 user class, 1 endpoint, 2 criteria)");
  }

  @Test
  void anUnknownClassIsABadUsage() {
    Cli run = Cli.run("run", FILE, "--user-classes", "chatter,seacher");
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err())
        .contains(
            "horde: --user-classes: no user class 'seacher' (did you mean 'searcher'?); the"
                + " scenario has: chatter, searcher, browser");
    Cli validate = Cli.run("validate", FILE, "--user-classes", "nobody");
    assertThat(validate.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(validate.err()).contains("horde: --user-classes: no user class 'nobody'");
  }
}
