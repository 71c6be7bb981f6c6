package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.HordeProcess;
import horde.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locust's command line on {@code horde run}: the flags that mean something in Horde work as in
 * Locust, and the others are refused with what to use instead (docs/locust.md).
 */
class LocustFlagsTest {
  static final String SCENARIO = "src/test/resources/horde/cli/LocustFlagsTest/classes.yaml";
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer();
    for (String path : List.of("/often", "/rarely", "/b")) server.route(path, ex -> TestServer.reply(ex, 200, "{}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli run(String... flags) {
    return Cli.run(Stream.concat(Stream.of("run", "-H", server.url()), Stream.of(flags)).toArray(String[]::new));
  }

  @Test
  void locustsCommonFlagsAreTakenTogether() {
    Path csv = tmp.resolve("run");
    Cli cli = run("-f", SCENARIO, "--headless", "--autostart", "--autoquit", "0", "--print-stats", "--only-summary",
        "--skip-log-setup", "-L", "warning", "-s", "1s", "--exit-code-on-error", "3", "--csv", csv.toString(),
        "--csv-full-history", "-u", "2", "-r", "2", "-t", "1s", "a");
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(cli.out()).doesNotContain("req/s |").contains("Verdict");
    assertThat(server.served("/often")).isPositive();
    assertThat(server.served("/b")).as("b is not named").isZero();
    assertThat(tmp.resolve("run_stats.csv")).exists();
  }

  @Test
  void userClassesNamedAfterTheScenarioRunAlone() {
    Cli cli = run(SCENARIO, "b", "-q");
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(server.served("/b")).isEqualTo(200);
    assertThat(server.served("/often") + server.served("/rarely")).isZero();
    Cli unknown = run(SCENARIO, "c");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(unknown.err()).contains("no user class 'c'");
  }

  @Test
  void equalWeightsRunsEveryTaskAndClassEquallyOften() {
    assertThat(run(SCENARIO, "a", "-q").exitCode()).isZero();
    long weighted = server.served("/rarely");
    assertThat(weighted).as("weights 9 to 1, of 200").isLessThan(45);
    assertThat(run(SCENARIO, "a", "-q", "--equal-weights").exitCode()).isZero();
    assertThat(server.served("/rarely") - weighted).as("weights 1 to 1, of 200").isBetween(70L, 130L);
  }

  @Test
  void listNamesTheUserClassesAndRunsNothing() {
    Cli cli = run("-f", SCENARIO, "--list");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo("a (weight 3)\nb (weight 1)\n".replace("\n", System.lineSeparator()));
    assertThat(server.served("/often") + server.served("/b")).isZero();
  }

  @Test
  void aLocustConfFileGivesOptionsAndTheCommandLineWins() throws Exception {
    Path conf = tmp.resolve("locust.conf");
    Files.writeString(conf, String.join("\n", "# as Locust's docs write one", "[locust]", "locustfile = " + SCENARIO,
        "headless = true", "host = http://127.0.0.1:1", "users: 2", "spawn-rate 2", "run-time = 1h  # the command line's wins",
        "only-summary = true", "equal-weights = false", "user-classes = [a]", ""));
    long started = System.nanoTime();
    Cli cli = run("--config", conf.toString(), "-t", "1s");
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(30));
    assertThat(cli.out()).contains("2 users (+2/s) for 1s").doesNotContain("req/s |");
    assertThat(server.served("/often")).isPositive();
    assertThat(server.served("/b")).isZero();

    Files.writeString(conf, "locustfile = " + SCENARIO + "\nexpect-workers = 2\n");
    Cli refused = run("--config", conf.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(refused.err()).contains(conf + ":2: 'expect-workers' is a Locust setting Horde does not take: Horde drives");
    Files.writeString(conf, "frobnicate = 1\n");
    assertThat(run("--config", conf.toString()).err()).contains(conf + ":1: unknown setting 'frobnicate'");
    assertThat(run("--config", tmp.resolve("pyproject.toml").toString()).err()).contains("not TOML");
  }

  @Test
  void flagsWithNoMeaningInHordeAreRefusedWithWhatToUseInstead() {
    for (List<String> flag : List.of(List.of("--master"), List.of("--worker"), List.of("--processes", "4"),
        List.of("--web-port", "8089"), List.of("-P", "8089"), List.of("--tags", "x"), List.of("-T", "x"),
        List.of("-E", "x"), List.of("-i", "10"), List.of("--iterations=10"), List.of("--reset-stats"),
        List.of("--json"), List.of("--show-task-ratio"), List.of("--expect-workers", "2"), List.of("--otel"))) {
      Cli cli = run(Stream.concat(Stream.of(SCENARIO), flag.stream()).toArray(String[]::new));
      assertThat(cli.exitCode()).as(flag + "\n" + cli).isEqualTo(ExitCode.BAD_INPUT);
      String name = flag.get(0).replaceFirst("=.*", "");
      assertThat(cli.err()).as(flag.toString()).startsWith("horde run: " + name + " is a Locust option Horde does not take: ")
          .doesNotContain("Unknown option");
    }
    assertThat(run(SCENARIO, "--reset-stats").err()).contains("--warmup");
    assertThat(run(SCENARIO, "-i", "10").err()).contains("--requests N --concurrency C");
    assertThat(LocustRefusals.all().values()).allSatisfy(advice -> assertThat(advice).hasSizeGreaterThan(30));
  }

  @Test
  void badLocustValuesAreUsageErrors() {
    assertThat(run(SCENARIO, "--exit-code-on-error", "256").err()).contains("--exit-code-on-error must be 0 to 255");
    assertThat(run(SCENARIO, "--csv-full-history").err()).contains("--csv-full-history needs --csv PREFIX");
    assertThat(run("-f", "locustfile.py").err()).contains("Horde runs YAML scenarios, not Python locustfiles");
    assertThat(run().err()).contains("give the scenario file");
    assertThat(run("-f", SCENARIO, SCENARIO).err()).contains("give one scenario file");
    assertThat(run(SCENARIO, "-L", "LOUD").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }

  /** In its own process: the log level is the JVM's, and a test must not change it for the others. */
  @Test
  void logLevelAndLogFileReachTheLibrariesLog() throws Exception {
    Path log = tmp.resolve("horde.log");
    try (HordeProcess horde = new HordeProcess(tmp, "run", SCENARIO, "-H", server.url(), "-q", "--requests", "3",
        "-L", "DEBUG", "--logfile", log.toString())) {
      assertThat(horde.waitFor(60)).as(horde.output()).isZero();
      assertThat(Files.readString(log)).contains("io.netty");
      assertThat(horde.output()).doesNotContain("io.netty");
    }
  }
}
