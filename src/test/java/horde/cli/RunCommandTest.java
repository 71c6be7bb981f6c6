package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import horde.Cli;
import horde.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code horde run} end to end against a real local server: output, result file, exit codes. */
@Alone
class RunCommandTest {
  static final String DIR = "src/test/resources/horde/cli/RunCommandTest/";
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer()
        .route("/ok", ex -> TestServer.reply(ex, 200, "{\"ok\":true}"))
        .route("/slow", ex -> {
          Thread.sleep(20);
          TestServer.reply(ex, 200, "{}");
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aPassingRunPrintsTheSummaryAndWritesTheResult() throws Exception {
    Path out = tmp.resolve("results/run.json");
    Cli cli = Cli.run("run", DIR + "health.yaml", "--host", server.url(), "--out", out.toString());
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(cli.out()).contains("GET", "/ok", "Verdict: WARN", "p95 < 2s");
    JsonNode r = JsonMapper.builder().build().readTree(out.toFile());
    assertThat(r.path("summary").path("requests").asLong()).as(r.path("summary") + " " + r.path("errors"))
        .isEqualTo(server.served("/ok")).isPositive(); // once 3 more than served, in CI: the errors say which
    assertThat(r.path("verdict").asString()).isEqualTo("warn");
    assertThat(r.path("timeline").size()).isBetween(2, 3);
    assertThat(r.path("endpoints").get(0).path("latency_ms").has("p999")).isTrue();
    assertThat(r.path("criteria").size()).isEqualTo(3);
  }

  @Test
  void aKeyWrittenIntoAPathReachesTheTargetButNoReport() throws Exception {
    Path out = tmp.resolve("run.json");
    Path csv = tmp.resolve("run");
    server.route("/keyed", ex -> TestServer.reply(ex,
        "api_key=sk-live-LITERAL&q=cats".equals(ex.getRequestURI().getRawQuery()) ? 200 : 401, "{}"));
    Cli cli = Cli.run("run", DIR + "literal-key.yaml", "--host", server.url(), "--out", out.toString(),
        "--html", tmp.resolve("run.html").toString(), "--csv", csv.toString(), "--junit", tmp.resolve("run.xml").toString());
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(server.served("/keyed")).isEqualTo(3);
    assertThat(cli.out()).contains("/keyed?api_key=***&q=cats").doesNotContain("LITERAL");
    try (var files = java.nio.file.Files.list(tmp)) {
      for (Path f : files.toList()) assertThat(java.nio.file.Files.readString(f)).as(f.toString()).doesNotContain("LITERAL");
    }
  }

  @Test
  void aTargetWithUserInfoLogsInWithBasicAndIsShownWithoutIt() throws Exception {
    String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("ann:s3cr%t".getBytes());
    server.route("/private", ex -> TestServer.reply(ex,
        expected.equals(ex.getRequestHeaders().getFirst("Authorization")) ? 200 : 401, "{}"));
    Path out = tmp.resolve("run.json");
    String host = server.url().replace("http://", "http://ann:s3cr%25t@");
    Cli cli = Cli.run("run", DIR + "login.yaml", "--host", host, "--out", out.toString());
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(server.served("/private")).isEqualTo(3);
    assertThat(cli.out() + cli.err() + java.nio.file.Files.readString(out)).doesNotContain("s3cr").doesNotContain("ann:");
    Cli bad = Cli.run("validate", DIR + "login.yaml", "--host", "http://ann:s3cr%25t@");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(bad.out() + bad.err()).contains("ann:***@").doesNotContain("s3cr");
  }

  /**
   * A request URL with a user and password ({@code http://bob:PW@host/x}, the user possibly a
   * template) logs in with HTTP Basic, as a target with them does; no output shows the password.
   */
  @Test
  void aRequestUrlWithUserInfoLogsInWithBasicAndNoOutputShowsThePassword() throws Exception {
    String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("bob:pa55%word".getBytes());
    server.route("/vault", ex -> TestServer.reply(ex,
        expected.equals(ex.getRequestHeaders().getFirst("Authorization")) ? 200 : 401, "{}"));
    String url = server.url().replace("http://", "");
    Path scenario = java.nio.file.Files.createDirectories(tmp.resolve("in")).resolve("vault.yaml");
    java.nio.file.Files.writeString(scenario, """
        name: vault
        target: %1$s
        variables: {user: bob}
        users:
          - name: client
            tasks:
              - get: http://bob:pa55%%25word@%2$s/vault
              - get: http://${user}:pa55%%25word@%2$s/vault?as=${user}
        load:
          requests: 6
        thresholds:
          - error_rate < 1%%
        """.formatted(server.url(), url));
    Path out = java.nio.file.Files.createDirectories(tmp.resolve("out"));
    Cli cli = Cli.run("run", scenario.toString(), "--out", out.resolve("run.json").toString(),
        "--html", out.resolve("run.html").toString(), "--csv", out.resolve("run").toString(),
        "--junit", out.resolve("run.xml").toString());
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(server.served("/vault")).isEqualTo(6);
    assertThat(cli.out()).contains("http://bob:***@" + url + "/vault", "http://${user}:***@" + url + "/vault?as=${user}");
    Cli plan = Cli.run("validate", "--plan", scenario.toString());
    assertThat(plan.out()).contains("GET http://bob:***@" + url + "/vault");
    Cli report = Cli.run("report", out.resolve("run.json").toString(), "--html", out.resolve("again.html").toString(),
        "--csv", out.resolve("again").toString(), "--junit", out.resolve("again.xml").toString());
    assertThat(report.exitCode()).as(report.toString()).isZero();
    for (Cli c : java.util.List.of(cli, plan, report)) assertThat(c.out() + c.err()).doesNotContain("pa55");
    try (var files = java.nio.file.Files.list(out)) {
      for (Path f : files.toList()) assertThat(java.nio.file.Files.readString(f)).as(f.toString()).doesNotContain("pa55");
    }
  }

  @Test
  void oneIsSingularInTheBanner() {
    Cli closed = Cli.run("run", DIR + "health.yaml", "--host", server.url(), "-u", "1", "-t", "1s", "-q");
    assertThat(closed.out()).as(closed.toString()).contains("1 user (+1/s) for 1s").doesNotContain("1 users");
    Cli fixed = Cli.run("run", DIR + "health.yaml", "--host", server.url(), "--requests", "1", "-q");
    assertThat(fixed.out()).as(fixed.toString()).contains("1 request, 1 at a time").doesNotContain("1 requests");
  }

  @Test
  void strictMakesAWarningFail() {
    Cli cli = Cli.run("run", DIR + "health.yaml", "--host", server.url(), "-t", "1s", "--strict", "-q");
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.CRITERIA_FAILED);
  }

  @Test
  void failedCriteriaExitWithOne() {
    Cli cli = Cli.run("run", DIR + "slow.yaml", "--host", server.url());
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.CRITERIA_FAILED);
    assertThat(cli.out()).contains("FAIL  p50 < 5ms").contains("Verdict: FAIL");
    assertThat(server.served("/slow")).isEqualTo(20);
  }

  @Test
  void flagsOverrideTheFile() {
    Cli cli = Cli.run("run", DIR + "slow.yaml", "--host", server.url(), "--requests", "7", "--concurrency", "2");
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.CRITERIA_FAILED);
    assertThat(server.served("/slow")).isEqualTo(7);
  }

  @Test
  void aBadScenarioNamesEveryProblemAndExitsWithTwo() {
    Cli cli = Cli.run("run", DIR + "broken.yaml");
    assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).contains(DIR + "broken.yaml:5:5", "wiat", "did you mean 'wait'")
        .contains("broken.yaml:8:9", "chek").contains("broken.yaml:10:").contains("3 problems");
  }

  @Test
  void badFlagsAreUsageErrors() {
    assertThat(Cli.run("run", DIR + "health.yaml", "--users", "many").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    Cli cli = Cli.run("run", DIR + "health.yaml", "--run-time", "soon");
    assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).contains("--run-time", "soon");
    assertThat(Cli.run("run", "no/such/file.yaml").err()).contains("no such file");
  }

  @Test
  void anUnreachableTargetExitsWithThreeBeforeAnyLoad() throws Exception {
    int port = horde.Ports.free(); // nothing listens there
    Cli cli = Cli.run("run", DIR + "health.yaml", "--host", "http://127.0.0.1:" + port);
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(cli.err()).contains("target unreachable", "127.0.0.1:" + port);
  }

  @Test
  void runTimeKeepsAnArrivalRateAndPhasesRefuseLoadFlags() throws Exception {
    java.nio.file.Path open = tmp.resolve("open.yaml");
    java.nio.file.Files.writeString(open, """
        name: open
        target: http://127.0.0.1:1
        users:
          - tasks:
              - get: /ok
        load: { arrival_rate: 20/s, run_time: 1m, max_users: 10 }
        """);
    Cli cli = Cli.run("run", open.toString(), "--host", server.url(), "--run-time", "2s", "-q");
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(cli.out()).contains("arrivals from 20/s");
    // 2 s at 20/s, and the open model's warm start before them (sent, not counted)
    assertThat(server.served("/ok") - horde.engine.EngineOptions.WARM_START).isBetween(38L, 41L);

    java.nio.file.Path phased = tmp.resolve("phased.yaml");
    java.nio.file.Files.writeString(phased, """
        name: phased
        target: http://127.0.0.1:1
        users:
          - tasks:
              - get: /ok
        phases:
          - { name: one, load: { users: 1, run_time: 1s } }
          - { name: two, load: { users: 2, run_time: 1s } }
        """);
    Cli refused = Cli.run("run", phased.toString(), "--host", server.url(), "--users", "5");
    assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(refused.err()).contains("2 phases");
  }
}
