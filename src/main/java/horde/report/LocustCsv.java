package horde.report;

import horde.result.RunResult;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.RunStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The four CSV files Locust writes with {@code --csv PREFIX}, with its column names, so tools
 * written for Locust read Horde's results: {@code PREFIX_stats.csv}, {@code
 * PREFIX_stats_history.csv}, {@code PREFIX_failures.csv}, {@code PREFIX_exceptions.csv}. The
 * columns follow Locust 2.x's {@code StatsCSV} and {@code StatsCSVFileWriter} (locust/stats.py).
 *
 * <pre>{@code
 * LocustCsv.write(result, "results/run1", false);   // results/run1_stats.csv, ...
 * }</pre>
 */
public final class LocustCsv {
  /** Locust's {@code PERCENTILES_TO_REPORT}, and the column names it gives them. */
  static final double[] PERCENTILES = {50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100};
  static final List<String> PERCENTILE_COLUMNS =
      List.of("50%", "66%", "75%", "80%", "90%", "95%", "98%", "99%", "99.9%", "99.99%", "100%");
  static final List<String> STATS_COLUMNS = concat(List.of("Type", "Name", "Request Count", "Failure Count",
      "Median Response Time", "Average Response Time", "Min Response Time", "Max Response Time", "Average Content Size",
      "Requests/s", "Failures/s"), PERCENTILE_COLUMNS);
  static final List<String> FAILURES_COLUMNS = List.of("Method", "Name", "Error", "Occurrences", "First Seen", "Last Seen");
  static final List<String> EXCEPTIONS_COLUMNS = List.of("Count", "Message", "Traceback", "Nodes");
  static final List<String> STATUSES_COLUMNS = List.of("Type", "Name", "Status", "Count");

  private LocustCsv() {}

  /** The files written for {@code prefix}: Locust's four, and Horde's answers by status. */
  public static List<Path> files(String prefix) {
    return List.of(Path.of(prefix + "_stats.csv"), Path.of(prefix + "_stats_history.csv"),
        Path.of(prefix + "_failures.csv"), Path.of(prefix + "_exceptions.csv"), Path.of(prefix + "_statuses.csv"));
  }

  /**
   * Writes Locust's four files next to {@code prefix}, and Horde's {@code PREFIX_statuses.csv} (the
   * answers by status, which Locust does not count); returns them.
   *
   * @param fullHistory Locust's {@code --csv-full-history}: the history has a row per endpoint too
   */
  public static List<Path> write(RunResult r, String prefix, boolean fullHistory) throws IOException {
    List<Path> files = files(prefix);
    List<String> texts = List.of(stats(r), LocustHistory.of(r, fullHistory), failures(r), exceptions(),
        statuses(r.stats().endpoints()));
    for (int i = 0; i < files.size(); i++) {
      Path parent = files.get(i).toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(files.get(i), texts.get(i));
    }
    return files;
  }

  /** One row per endpoint, sorted by name and method as Locust sorts, then the {@code Aggregated} row. */
  public static String stats(RunResult r) {
    return stats(r.stats());
  }

  /** The same for statistics alone (a live test's so far). */
  public static String stats(RunStats s) {
    return stats(s.endpoints(), s.total(), s.measuredSeconds());
  }

  static String stats(List<EndpointStats> endpoints, EndpointStats total, double measuredSeconds) {
    StringBuilder out = new StringBuilder();
    header(out, STATS_COLUMNS);
    for (EndpointStats e : sorted(endpoints)) statsRow(out, e.method(), e.name(), e, measuredSeconds);
    statsRow(out, "", "Aggregated", total, measuredSeconds);
    return out.toString();
  }

  private static void statsRow(StringBuilder out, String type, String name, EndpointStats e, double seconds) {
    LatencySummary l = e.summary();
    CsvLine line = new CsvLine().add(type).add(name).add(e.requests()).add(e.failures()).whole(l.p50()).decimal(l.avg())
        .decimal(l.min()).decimal(l.max()).decimal(e.requests() == 0 ? 0 : (double) e.count("body_bytes") / e.requests())
        .decimal(seconds <= 0 ? 0 : e.requests() / seconds).decimal(seconds <= 0 ? 0 : e.failures() / seconds);
    percentiles(line, e.latency());
    line.endTo(out);
  }

  /** Locust writes N/A for every percentile of an entry without requests; 100% is the maximum. */
  static void percentiles(CsvLine line, Histogram micros) {
    long[] values = Percentiles.of(micros, PERCENTILES);
    for (int i = 0; i < PERCENTILES.length; i++) {
      if (micros.getTotalCount() == 0) line.add(CsvLine.NOT_AVAILABLE);
      else line.whole(PERCENTILES[i] == 100 ? micros.getMaxValue() / 1000.0 : values[i] / 1000.0);
    }
  }

  /**
   * One row per endpoint and failure reason, most frequent first within an endpoint: the error
   * worded as Locust's exceptions are, and when it was first and last seen (empty for a result
   * without per-second intervals).
   */
  static String failures(RunResult r) {
    return failures(r.stats().endpoints(), LocustErrors.seen(r.stats(), LocustHistory.startSeconds(r.startedAt())));
  }

  static String failures(List<EndpointStats> endpoints, Map<String, LocustErrors.Seen> seen) {
    StringBuilder out = new StringBuilder();
    header(out, FAILURES_COLUMNS);
    for (EndpointStats e : sorted(endpoints)) {
      if (e.isGroup()) continue; // a transaction's failure is its request's, listed already
      e.failuresByReason().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(f -> {
            LocustErrors.Seen when = seen.get(e.method() + " " + e.name() + "\u0000" + f.getKey());
            new CsvLine().add(e.method()).add(e.name()).add(LocustErrors.error(e, f.getKey())).add(f.getValue())
                .add(when == null ? "" : LocustErrors.time(when.first()))
                .add(when == null ? "" : LocustErrors.time(when.last())).endTo(out);
          });
    }
    return out.toString();
  }

  /** One row per endpoint and answer status, expected statuses included (0: outside 100-599). */
  static String statuses(List<EndpointStats> endpoints) {
    StringBuilder out = new StringBuilder();
    header(out, STATUSES_COLUMNS);
    for (EndpointStats e : sorted(endpoints)) {
      if (e.isGroup()) continue;
      e.statuses().forEach((code, n) -> new CsvLine().add(e.method()).add(e.name()).add(code).add(n).endTo(out));
    }
    return out.toString();
  }

  /**
   * Locust lists here the errors raised by the test's own Python code. A Horde scenario has no code
   * of its own: scenario-side problems (template errors, an exhausted feeder) are request
   * failures and appear in the failures file. So this file has its header only.
   */
  static String exceptions() {
    StringBuilder out = new StringBuilder();
    header(out, EXCEPTIONS_COLUMNS);
    return out.toString();
  }

  static void header(StringBuilder out, List<String> columns) {
    CsvLine line = new CsvLine();
    columns.forEach(line::add);
    line.endTo(out);
  }

  private static List<EndpointStats> sorted(List<EndpointStats> endpoints) {
    List<EndpointStats> out = new ArrayList<>(endpoints);
    out.sort(Comparator.comparing(EndpointStats::name).thenComparing(EndpointStats::method));
    return out;
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
