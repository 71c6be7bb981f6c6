package horde.report;

import static org.assertj.core.api.Assertions.assertThat;

import horde.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locust-compatible CSV: Locust's exact headers, its Aggregated row, its number formats, CRLF lines. */
class LocustCsvTest {
  @TempDir Path dir;

  @Test
  void theStatsFileMatchesItsGoldenCopy() throws Exception {
    Golden.check(LocustCsv.stats(SampleResults.small()), "LocustCsvTest/run_stats.csv");
  }

  @Test
  void theHistoryFailuresAndExceptionsFilesMatchTheirGoldenCopies() throws Exception {
    RunResult r = SampleResults.small();
    Golden.check(LocustHistory.of(r, false), "LocustCsvTest/run_stats_history.csv");
    Golden.check(LocustCsv.failures(r), "LocustCsvTest/run_failures.csv");
    Golden.check(LocustCsv.exceptions(), "LocustCsvTest/run_exceptions.csv");
  }

  /** The header lines as Locust 2.x writes them (locust/stats.py, StatsCSV and StatsCSVFileWriter). */
  @Test
  void theHeadersAreLocusts() throws Exception {
    List<Path> files = LocustCsv.write(SampleResults.small(), dir.resolve("out/run").toString(), false);
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("run_stats.csv", "run_stats_history.csv", "run_failures.csv", "run_exceptions.csv",
            "run_statuses.csv");
    assertThat(firstLine(files.get(0))).isEqualTo("Type,Name,Request Count,Failure Count,Median Response Time,"
        + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
        + "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%");
    assertThat(firstLine(files.get(1))).isEqualTo("Timestamp,User Count,Type,Name,Requests/s,Failures/s,"
        + "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,"
        + "Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,"
        + "Total Average Content Size");
    assertThat(firstLine(files.get(2))).isEqualTo("Method,Name,Error,Occurrences,First Seen,Last Seen");
    assertThat(firstLine(files.get(3))).isEqualTo("Count,Message,Traceback,Nodes");
    assertThat(firstLine(files.get(4))).isEqualTo("Type,Name,Status,Count");
  }

  @Test
  void everyRowHasAsManyFieldsAsItsHeader() throws Exception {
    for (Path f : LocustCsv.write(SampleResults.long_(120, 20), dir.resolve("long").toString(), false)) {
      List<String> lines = List.of(Files.readString(f).split("\r\n"));
      int columns = lines.get(0).split(",", -1).length;
      for (String line : lines) assertThat(fields(line)).as(f + ": " + line).hasSize(columns);
    }
  }

  @Test
  void fieldsAreQuotedOnlyWhenTheyMustBe() {
    StringBuilder out = new StringBuilder();
    new CsvLine().add("plain").add("a,b").add("say \"hi\"").add("").decimal(2).decimal(35.125).whole(2.5).endTo(out);
    assertThat(out).hasToString("plain,\"a,b\",\"say \"\"hi\"\"\",,2.0,35.125,3\r\n");
    assertThat(CsvLine.python(0.0001)).isEqualTo("0.0001");
    StringBuilder rates = new StringBuilder();
    new CsvLine().sixDecimals(12).sixDecimals(0.1234567).sixDecimals(0).sixDecimals(99.9999996).endTo(rates);
    assertThat(rates).hasToString("12.000000,0.123457,0.000000,100.000000\r\n");
    assertThat(CsvLine.python(12345678.5)).isEqualTo("12345678.5");
  }

  /** A CSV line's fields, commas inside quotes kept. */
  static List<String> fields(String line) {
    return List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
  }

  /**
   * From per-second intervals, the history has Locust's meaning: totals and percentiles since the
   * start (none N/A once there are requests), rates over the last ten seconds, a row per endpoint
   * with full history; failures worded as Locust's exceptions with when they were seen.
   */
  @Test
  void theHistoryHasLocustsMeaningColumnByColumn() {
    RunResult r = SampleResults.withIntervals();
    List<String> rows = List.of(LocustHistory.of(r, false).split("\r\n"));
    assertThat(rows).hasSize(1 + 30);
    List<String> last = fields(rows.get(30));
    assertThat(last.get(3)).isEqualTo("Aggregated");
    assertThat(last.get(4)).isEqualTo("260.000000"); // 260 requests a second over the last ten
    assertThat(last).doesNotContain("N/A");
    assertThat(last.get(17)).isEqualTo(String.valueOf(30 * 260)); // Total Request Count since the start
    assertThat(Double.parseDouble(last.get(23))).isEqualTo(r.stats().total().count("body_bytes") / (30.0 * 260));
    List<String> full = List.of(LocustHistory.of(r, true).split("\r\n"));
    assertThat(full).hasSize(1 + 30 * 3);
    assertThat(fields(full.get(1)).get(3)).isEqualTo("/ask");
    assertThat(fields(full.get(2)).get(3)).isEqualTo("/fast");
    assertThat(fields(full.get(3)).get(3)).isEqualTo("Aggregated");
  }

  @Test
  void failuresAreWordedAsLocustsExceptions() {
    RunResult r = SampleResults.small();
    String failures = LocustCsv.failures(r);
    assertThat(failures).contains("HTTPError('429 Client Error: Too Many Requests for url: /v1/chat/completions')")
        .contains("CatchResponseError('check failed: $.answer present')");
  }

  private static String firstLine(Path f) throws Exception {
    return Files.readString(f).split("\r\n")[0];
  }
}
