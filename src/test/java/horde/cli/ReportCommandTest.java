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

/** {@code horde report} rebuilds, from the result file alone, the very files the run wrote. */
class ReportCommandTest {
  static final String DIR = "src/test/resources/horde/cli/RunCommandTest/";
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer().route("/ok", ex -> TestServer.reply(ex, 200, "{\"ok\":true}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aReportFromTheResultFileEqualsWhatTheRunWrote() throws Exception {
    Path run = tmp.resolve("run");
    Cli first = Cli.run("run", DIR + "health.yaml", "--host", server.url(), "-t", "2s", "-q", "--out", run + "/r.json",
        "--csv", run + "/locust", "--junit", run + "/junit.xml", "--html", run + "/report.html");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("CSV: " + run + "/locust_*.csv", "JUnit XML: " + run + "/junit.xml");

    Path again = tmp.resolve("again");
    Cli report = Cli.run("report", run + "/r.json", "--csv", again + "/locust", "--junit", again + "/junit.xml",
        "--html", again + "/report.html");
    assertThat(report.exitCode()).as(report.toString()).isZero();
    for (String f : new String[] {"locust_stats.csv", "locust_stats_history.csv", "locust_failures.csv",
        "locust_exceptions.csv", "locust_statuses.csv", "junit.xml", "report.html"}) {
      assertThat(Files.readString(again.resolve(f))).as(f).isEqualTo(Files.readString(run.resolve(f)));
    }
  }

  @Test
  void withoutAFormatItPrintsTheSummaryAgain() throws Exception {
    Path result = tmp.resolve("r.json");
    Cli first = Cli.run("run", DIR + "health.yaml", "--host", server.url(), "-t", "1s", "-q", "--out", result.toString());
    assertThat(first.exitCode()).as(first.toString()).isZero();
    Cli report = Cli.run("report", result.toString());
    assertThat(report.exitCode()).as(report.toString()).isZero();
    assertThat(report.out()).contains("Endpoint", "/ok", "Criteria", "Verdict: WARN");
  }

  /** A window of the run is every figure recomputed from the seconds inside it, and only those. */
  @Test
  void aWindowIsRecomputedFromThePerSecondIntervals() throws Exception {
    Path result = tmp.resolve("r.json");
    Cli first = Cli.run("run", DIR + "health.yaml", "--host", server.url(), "-t", "4s", "-q", "--out", result.toString());
    assertThat(first.exitCode()).as(first.toString()).isZero();
    Path window = tmp.resolve("w.json");
    Cli report = Cli.run("report", result.toString(), "--from", "1s", "--to", "3s", "--out", window.toString());
    assertThat(report.exitCode()).as(report.toString()).isZero();

    var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
    var whole = mapper.readTree(result.toFile());
    var part = mapper.readTree(window.toFile());
    long inside = 0;
    for (var p : whole.path("timeline")) if (p.path("t").asDouble() > 1 && p.path("t").asDouble() <= 3) inside += p.path("requests").asLong();
    assertThat(inside).isPositive();
    assertThat(part.path("summary").path("requests").asLong()).isEqualTo(inside);
    assertThat(part.path("measured_s").asDouble()).isEqualTo(2.0);
    assertThat(part.path("timeline")).hasSize(2);
    assertThat(part.path("criteria")).hasSameSizeAs(whole.path("criteria"));
    assertThat(part.path("notes").toString()).contains("a window of the run: 1 s to 3 s");

    Cli outside = Cli.run("report", result.toString(), "--from", "30s", "--to", "40s");
    assertThat(outside.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(outside.err()).contains("no whole second of the run lies between 30s and 40s");
    Cli past = Cli.run("report", result.toString(), "--from", "10s");
    assertThat(past.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(past.err()).contains("--from 10s is past the end of the run (");
  }

  @Test
  void aMissingOrForeignFileIsBadInput() throws Exception {
    assertThat(Cli.run("report", tmp.resolve("none.json").toString()).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    Path foreign = Files.writeString(tmp.resolve("x.json"), "{\"hello\": 1}");
    Cli cli = Cli.run("report", foreign.toString(), "--junit", tmp.resolve("j.xml").toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).contains("not a Horde result file");
  }
}
