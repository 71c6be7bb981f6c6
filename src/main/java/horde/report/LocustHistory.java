package horde.report;

import horde.result.RunResult;
import horde.stats.TimelinePoint;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Locust's {@code PREFIX_stats_history.csv}: one {@code Aggregated} row per second of the run (Locust
 * appends one per second too, without {@code --csv-full-history}).
 *
 * <p>What Horde's timeline holds is written; what it does not is {@code N/A}, Locust's own mark:
 * the per-second percentiles Horde keeps are p50, p95 and p99, so the other percentile columns are
 * N/A; the request and failure totals are counted up to each second, while the running median,
 * average, min, max and content size of the whole run so far are N/A (the summary file has them
 * for the measured window).
 */
final class LocustHistory {
  static final List<String> COLUMNS = LocustCsv.concat(LocustCsv.concat(
      List.of("Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s"), LocustCsv.PERCENTILE_COLUMNS),
      List.of("Total Request Count", "Total Failure Count", "Total Median Response Time", "Total Average Response Time",
          "Total Min Response Time", "Total Max Response Time", "Total Average Content Size"));
  private static final int RUNNING_FIGURES_NOT_KEPT = 5;

  private LocustHistory() {}

  static String of(RunResult r) {
    StringBuilder out = new StringBuilder();
    LocustCsv.header(out, COLUMNS);
    long start = startSeconds(r.startedAt());
    long requests = 0, failures = 0;
    List<TimelinePoint> points = r.stats().timeline();
    for (int i = 0; i < points.size(); i++) {
      TimelinePoint p = points.get(i);
      double seconds = Math.max(1e-3, p.t() - (i == 0 ? 0 : points.get(i - 1).t()));
      requests += p.requests();
      failures += p.failures();
      CsvLine line = new CsvLine().add(start + (long) Math.ceil(p.t())).add(p.users()).add("").add("Aggregated")
          .sixDecimals(p.rps()).sixDecimals(p.failures() / seconds);
      for (double q : LocustCsv.PERCENTILES) {
        if (p.requests() == 0 || (q != 50 && q != 95 && q != 99)) line.add(CsvLine.NOT_AVAILABLE);
        else line.whole(q == 50 ? p.p50() : q == 95 ? p.p95() : p.p99());
      }
      line.add(requests).add(failures);
      for (int k = 0; k < RUNNING_FIGURES_NOT_KEPT; k++) line.add(CsvLine.NOT_AVAILABLE);
      line.endTo(out);
    }
    return out.toString();
  }

  /** Unix seconds of the run's start; 0 when the result has no readable start time. */
  private static long startSeconds(String startedAt) {
    try {
      return Instant.parse(startedAt).getEpochSecond();
    } catch (DateTimeParseException | NullPointerException e) {
      return 0;
    }
  }
}
