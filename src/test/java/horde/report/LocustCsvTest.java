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
    Golden.check(LocustHistory.of(r), "LocustCsvTest/run_stats_history.csv");
    Golden.check(LocustCsv.failures(r), "LocustCsvTest/run_failures.csv");
    Golden.check(LocustCsv.exceptions(), "LocustCsvTest/run_exceptions.csv");
  }

  /** The header lines as Locust 2.x writes them (locust/stats.py, StatsCSV and StatsCSVFileWriter). */
  @Test
  void theHeadersAreLocusts() throws Exception {
    List<Path> files = LocustCsv.write(SampleResults.small(), dir.resolve("out/run").toString());
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
    assertThat(firstLine(files.get(2))).isEqualTo("Method,Name,Error,Occurrences");
    assertThat(firstLine(files.get(3))).isEqualTo("Count,Message,Traceback,Nodes");
    assertThat(firstLine(files.get(4))).isEqualTo("Type,Name,Status,Count");
  }

  @Test
  void everyRowHasAsManyFieldsAsItsHeader() throws Exception {
    for (Path f : LocustCsv.write(SampleResults.long_(120, 20), dir.resolve("long").toString())) {
      List<String> lines = List.of(Files.readString(f).split("\r\n"));
      int columns = lines.get(0).split(",", -1).length;
      for (String line : lines) assertThat(line.split(",", -1)).as(f + ": " + line).hasSize(columns);
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

  private static String firstLine(Path f) throws Exception {
    return Files.readString(f).split("\r\n")[0];
  }
}
