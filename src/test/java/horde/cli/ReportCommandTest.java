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

  @Test
  void aMissingOrForeignFileIsBadInput() throws Exception {
    assertThat(Cli.run("report", tmp.resolve("none.json").toString()).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    Path foreign = Files.writeString(tmp.resolve("x.json"), "{\"hello\": 1}");
    Cli cli = Cli.run("report", foreign.toString(), "--junit", tmp.resolve("j.xml").toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).contains("not a Horde result file");
  }
}
