package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output paths: never one of the run's inputs, never two flags on one file, and {timestamp}. */
class OutputPathsTest {
  private static final String SCENARIO = """
      feeders: {questions: q_stats.csv}
      tasks:
        - get: /ok?q=${questions.q}
      load: {requests: 2, concurrency: 1}
      """;
  @TempDir Path tmp;
  TestServer server;
  Path scenario;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer().route("/ok", ex -> TestServer.reply(ex, 200, "{}"));
    scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, SCENARIO);
    Files.writeString(tmp.resolve("q_stats.csv"), "q\nhello\n");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli refused(String... flags) throws Exception {
    Stream<String> args = Stream.concat(Stream.of("run", scenario.toString(), "--host", server.url()), Stream.of(flags));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(server.served("/ok")).as("no load is sent").isZero();
    assertThat(Files.readString(scenario)).isEqualTo(SCENARIO);
    assertThat(Files.readString(tmp.resolve("q_stats.csv"))).isEqualTo("q\nhello\n");
    return cli;
  }

  @Test
  void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws Exception {
    assertThat(refused("--out", scenario.toString()).err())
        .contains("--out " + scenario + " would overwrite the scenario file (" + scenario + "); choose another path");
    String roundabout = tmp.resolve("sub/../s.yaml").toString();
    assertThat(refused("--junit", roundabout).err()).contains("--junit " + roundabout + " would overwrite the scenario file");
    assertThat(refused("--html", tmp.resolve("q_stats.csv").toString()).err()).contains("would overwrite feeder 'questions'");
    assertThat(refused("--csv", tmp.resolve("q").toString()).err())
        .contains("--csv " + tmp.resolve("q") + " writes " + tmp.resolve("q_stats.csv") + ", which would overwrite feeder 'questions'");
  }

  @Test
  void theLogFileAndTheConfigFileAreKeptToo() throws Exception {
    assertThat(refused("--logfile", scenario.toString()).err())
        .contains("--logfile " + scenario + " would write into the scenario file");
    Path conf = tmp.resolve("locust.conf");
    Files.writeString(conf, "headless = true\n");
    assertThat(refused("--config", conf.toString(), "--out", conf.toString()).err())
        .contains("--out " + conf + " would overwrite the --config file");
    assertThat(Files.readString(conf)).isEqualTo("headless = true\n");
  }

  @Test
  void twoFlagsCannotWriteOneFile() throws Exception {
    String same = tmp.resolve("r.json").toString();
    assertThat(refused("--out", same, "--html", same).err()).contains("--out and --html both write " + same);
  }

  @Test
  void reportDoesNotOverwriteItsResultFile() throws Exception {
    Path result = tmp.resolve("r.json");
    assertThat(Cli.run("run", scenario.toString(), "--host", server.url(), "--out", result.toString(), "-q").exitCode()).isZero();
    String before = Files.readString(result);
    Cli cli = Cli.run("report", result.toString(), "--html", result.toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).contains("--html " + result + " would overwrite the result file");
    assertThat(Files.readString(result)).isEqualTo(before);
  }

  @Test
  void htmlTakesLocustsTagsForUsersSpawnRateAndRunTime() throws Exception {
    Cli cli = Cli.run("run", scenario.toString(), "--host", server.url(), "-q", "-u", "2", "-r", "2", "-t", "1",
        "--html", tmp.resolve("report_{u}_{r}_{t}_{x}.html").toString());
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(tmp.resolve("report_2_2_1_{x}.html")).exists();
  }

  @Test
  void timestampNamesEveryOutputWithOneInstant() throws Exception {
    Cli cli = Cli.run("run", scenario.toString(), "--host", server.url(), "-q",
        "--out", tmp.resolve("out/run-{timestamp}.json").toString(), "--html", tmp.resolve("out/run-{timestamp}.html").toString(),
        "--csv", tmp.resolve("out/run-{timestamp}").toString(), "--junit", tmp.resolve("out/{timestamp}.xml").toString());
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    List<String> names;
    try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    Matcher m = Pattern.compile("run-(\\d{8}-\\d{6})\\.json").matcher(names.stream().filter(n -> n.endsWith(".json")).findFirst().orElse(""));
    assertThat(m.matches()).as(names.toString()).isTrue();
    String stamp = m.group(1);
    assertThat(names).containsExactlyInAnyOrder("run-" + stamp + ".json", "run-" + stamp + ".html", stamp + ".xml",
        "run-" + stamp + "_stats.csv", "run-" + stamp + "_stats_history.csv", "run-" + stamp + "_failures.csv",
        "run-" + stamp + "_exceptions.csv", "run-" + stamp + "_statuses.csv");
    assertThat(cli.out()).contains("Result: " + tmp.resolve("out/run-" + stamp + ".json"));
  }
}
