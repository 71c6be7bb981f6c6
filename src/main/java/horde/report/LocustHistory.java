package horde.report;

import horde.record.IntervalSnapshot;
import horde.result.RunResult;
import horde.scenario.Measures;
import horde.stats.Interval;
import horde.stats.Names;
import horde.stats.TimelinePoint;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Locust's {@code PREFIX_stats_history.csv}, with Locust's meaning for each column (its {@code
 * StatsCSVFileWriter}): a row a second for {@code Aggregated} (and, with {@code
 * --csv-full-history}, one for every endpoint first); Requests/s and Failures/s over the last ten
 * seconds; the percentiles since the start (over the last ten seconds with full history, as
 * Locust's "current" percentiles); the totals, median, average, min, max and content size since
 * the start. Built one second at a time, so it serves a finished run's intervals and a live run's
 * seconds alike. Transactions (groups) are not Locust entries and are left out.
 */
final class LocustHistory {
  static final List<String> COLUMNS = LocustCsv.concat(LocustCsv.concat(
      List.of("Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s"), LocustCsv.PERCENTILE_COLUMNS),
      List.of("Total Request Count", "Total Failure Count", "Total Median Response Time", "Total Average Response Time",
          "Total Min Response Time", "Total Max Response Time", "Total Average Content Size"));
  /** Locust's window for its current rates and percentiles. */
  static final int WINDOW = 10;
  private static final int AGGREGATED = -1;

  private final Names names;
  private final boolean full;
  private final long startSeconds;
  private final IntervalSnapshot since;
  private final ArrayDeque<IntervalSnapshot> recent = new ArrayDeque<>();
  private final ArrayDeque<Double> recentSeconds = new ArrayDeque<>();

  /** @param full Locust's {@code --csv-full-history}: a row for each endpoint, then Aggregated */
  LocustHistory(Names names, long startSeconds, boolean full) {
    this.names = names;
    this.full = full;
    this.startSeconds = startSeconds;
    Measures m = names.measures();
    this.since = new IntervalSnapshot(names.endpoints().size(), m.histogramCount(), m.counterCount(),
        Math.max(1, names.reasons().size()));
  }

  static String of(RunResult r, boolean full) {
    StringBuilder out = new StringBuilder();
    LocustCsv.header(out, COLUMNS);
    if (r.stats().names() == null || r.stats().intervals().isEmpty()) return fromTimeline(r, out);
    LocustHistory h = new LocustHistory(r.stats().names(), startSeconds(r.startedAt()), full);
    for (Interval i : r.stats().intervals()) h.add(i, out);
    return out.toString();
  }

  /** Appends this second's rows. */
  void add(Interval interval, StringBuilder out) {
    IntervalSnapshot second = recent.size() < WINDOW ? since.emptyCopy() : recent.removeFirst(); // reused
    if (recentSeconds.size() >= WINDOW) recentSeconds.removeFirst();
    second.reset();
    interval.slices().forEach(s -> s.addTo(second));
    since.add(second);
    recent.addLast(second);
    recentSeconds.addLast(interval.seconds());
    long timestamp = startSeconds + (long) Math.ceil(interval.t());
    if (full) {
      List<Integer> shown = new ArrayList<>();
      for (int e = 0; e < names.endpoints().size(); e++) {
        if (!names.endpoint(e).isGroup() && since.counter(e, Measures.REQUESTS) > 0) shown.add(e);
      }
      shown.sort(Comparator.comparing((Integer e) -> names.endpoint(e).name()).thenComparing(e -> names.endpoint(e).method()));
      for (int e : shown) row(out, timestamp, interval.users(), e);
    }
    row(out, timestamp, interval.users(), AGGREGATED);
  }

  private void row(StringBuilder out, long timestamp, int users, int endpoint) {
    Names.Endpoint ep = endpoint == AGGREGATED ? null : names.endpoint(endpoint);
    double seconds = recentSeconds.stream().mapToDouble(Double::doubleValue).sum();
    long recentRequests = 0, recentFailures = 0;
    for (IntervalSnapshot s : recent) {
      recentRequests += count(s, endpoint, Measures.REQUESTS);
      recentFailures += count(s, endpoint, Measures.FAILURES);
    }
    long requests = count(since, endpoint, Measures.REQUESTS);
    Histogram total = latencies(since, endpoint);
    CsvLine line = new CsvLine().add(timestamp).add(users).add(ep == null ? "" : ep.method())
        .add(ep == null ? "Aggregated" : ep.name()).sixDecimals(seconds <= 0 ? 0 : recentRequests / seconds)
        .sixDecimals(seconds <= 0 ? 0 : recentFailures / seconds);
    Histogram percentiles = total;
    if (full) {
      percentiles = new Histogram(3);
      for (IntervalSnapshot s : recent) percentiles.add(latencies(s, endpoint));
    }
    if (requests == 0) {
      for (int i = 0; i < LocustCsv.PERCENTILES.length; i++) line.add(CsvLine.NOT_AVAILABLE);
    } else {
      long[] values = Percentiles.of(percentiles, LocustCsv.PERCENTILES);
      for (int i = 0; i < values.length; i++) {
        boolean max = LocustCsv.PERCENTILES[i] == 100;
        line.whole(percentiles.getTotalCount() == 0 ? 0 : (max ? percentiles.getMaxValue() : values[i]) / 1000.0);
      }
    }
    line.add(requests).add(count(since, endpoint, Measures.FAILURES));
    boolean answered = total.getTotalCount() > 0;
    line.whole(answered ? total.getValueAtPercentile(50) / 1000.0 : 0).decimal(answered ? total.getMean() / 1000.0 : 0)
        .decimal(answered ? total.getMinValue() / 1000.0 : 0).decimal(answered ? total.getMaxValue() / 1000.0 : 0)
        .decimal(requests == 0 ? 0 : (double) count(since, endpoint, Measures.BODY_BYTES) / requests);
    line.endTo(out);
  }

  /** An endpoint's counter, or the sum over every request endpoint for Aggregated. */
  private long count(IntervalSnapshot s, int endpoint, int counter) {
    if (endpoint != AGGREGATED) return s.counter(endpoint, counter);
    long n = 0;
    for (int e = 0; e < s.endpoints(); e++) if (!names.endpoint(e).isGroup()) n += s.counter(e, counter);
    return n;
  }

  private Histogram latencies(IntervalSnapshot s, int endpoint) {
    Histogram out = new Histogram(3);
    for (int e = 0; e < s.endpoints(); e++) {
      if ((endpoint == AGGREGATED ? names.endpoint(e).isGroup() : e != endpoint)) continue;
      Histogram h = s.histogram(e, Measures.LATENCY);
      if (h != null) out.add(h);
    }
    return out;
  }

  /** A result without per-second intervals (an older Horde's): the timeline's figures, N/A for the rest. */
  private static String fromTimeline(RunResult r, StringBuilder out) {
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
      for (int k = 0; k < LocustCsv.PERCENTILES.length; k++) line.add(CsvLine.NOT_AVAILABLE);
      line.add(requests).add(failures);
      for (int k = 0; k < 5; k++) line.add(CsvLine.NOT_AVAILABLE);
      line.endTo(out);
    }
    return out.toString();
  }

  /** Unix seconds of the run's start; 0 when the result has no readable start time. */
  static long startSeconds(String startedAt) {
    try {
      return Instant.parse(startedAt).getEpochSecond();
    } catch (DateTimeParseException | NullPointerException e) {
      return 0;
    }
  }
}
