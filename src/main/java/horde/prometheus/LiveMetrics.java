package horde.prometheus;

import horde.record.Health;
import horde.record.IntervalSnapshot;
import horde.scenario.Measure;
import horde.scenario.Measures;
import horde.stats.Interval;
import horde.stats.IntervalListener;
import horde.stats.Names;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The live test in Prometheus' terms: every second's snapshot is added into running totals (the
 * warm-up included, as counters only grow), and each scrape turns them into counters, gauges and
 * classic histograms. Histogram buckets are counted from the exact HdrHistograms at scrape time,
 * so {@code histogram_quantile} sees the same values the result file keeps.
 *
 * <pre>{@code
 * LiveMetrics live = new LiveMetrics("chat-assistant");
 * testRun.listen(live);
 * registry.register(live);
 * }</pre>
 */
public final class LiveMetrics implements IntervalListener, MultiCollector {
  /** Bucket bounds in seconds: 1 ms to a minute, the range of answers and of tokens. */
  static final double[] SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  private final String scenario;
  private IntervalSnapshot totals;
  private Names names;
  private int users;
  private long dropped;
  private Health health;
  private final TargetGauges target = new TargetGauges();

  public LiveMetrics(String scenario) {
    this.scenario = scenario;
  }

  @Override
  public synchronized void interval(Interval interval, IntervalSnapshot snapshot, Names names) {
    if (totals == null) totals = snapshot.emptyCopy();
    totals.add(snapshot);
    this.names = names;
    this.users = interval.users();
    this.dropped += interval.dropped();
    if (interval.health() != null) this.health = interval.health();
    target.add(interval.target());
  }

  /** The run is over: no user is at work any more. */
  public synchronized void ended() {
    users = 0;
  }

  @Override
  public synchronized MetricSnapshots collect() {
    List<MetricSnapshot> out = new ArrayList<>();
    out.add(gauge("horde_run_info", "The scenario under test", 1, "scenario", scenario));
    out.add(gauge("horde_active_users", "Virtual users at work", users));
    out.add(counter("horde_dropped_iterations", "Open model: arrivals that found no free user", dropped));
    if (health != null) generator(out);
    target.addTo(out);
    if (totals == null) return new MetricSnapshots(out);
    Measures measures = names.measures();
    for (Measure m : measures.counters()) {
      if (m.scope() == Measure.Scope.RUN) continue;
      CounterSnapshot c = counters(m, measures.indexOf(m.key()));
      if (!c.getDataPoints().isEmpty()) out.add(c);
    }
    out.add(statuses());
    out.add(failures());
    for (String key : List.of("latency", "ttfb", "ttft", "itl", "tpot")) {
      HistogramSnapshot h = histograms(key, measures.indexOf(key));
      if (!h.getDataPoints().isEmpty()) out.add(h);
    }
    return new MetricSnapshots(out);
  }

  private void generator(List<MetricSnapshot> out) {
    out.add(gauge("horde_generator_cpu_ratio", "Share of its cores the generator's process used in the last second",
        health.cpuPercent() / 100));
    out.add(gauge("horde_generator_event_loop_lag_seconds", "How late the event loops ran a timer, p99, last second",
        health.loopLagP99Ms() / 1000));
    out.add(gauge("horde_generator_gc_pause_seconds", "Time paused for garbage collection in the last second",
        health.gcPauseMs() / 1000));
    if (health.openFiles() >= 0) out.add(gauge("horde_generator_open_files", "Open file descriptors", health.openFiles()));
  }

  /** A counter per endpoint; besides requests, failures and bytes, only where it counted something. */
  private CounterSnapshot counters(Measure m, int index) {
    CounterSnapshot.Builder b = CounterSnapshot.builder().name(name(m)).help(capitalized(m.label()));
    boolean always = index <= Measures.BYTES_RECEIVED;
    for (int e = 0; e < totals.endpoints(); e++) {
      if (!totals.touched(e) || (!always && totals.counter(e, index) == 0)) continue;
      b.dataPoint(CounterDataPointSnapshot.builder().value(m.readable(totals.counter(e, index))).labels(endpoint(e)).build());
    }
    return b.build();
  }

  /** {@code horde_requests}, {@code horde_bytes_sent} ({@code _bytes} is the unit), {@code horde_cost_dollars}. */
  private static String name(Measure m) {
    return switch (m.unit()) {
      case NANODOLLARS -> "horde_" + m.key() + "_dollars";
      case BYTES -> "horde_" + m.key().replace("bytes_", "") + "_bytes";
      default -> "horde_" + m.key();
    };
  }

  private CounterSnapshot statuses() {
    CounterSnapshot.Builder b = CounterSnapshot.builder().name("horde_responses")
        .help("Answers by status, expected ones included (0: outside 100-599)");
    for (int e = 0; e < totals.endpoints(); e++) {
      if (!totals.touched(e)) continue;
      for (int s = 0; s < IntervalSnapshot.STATUSES; s++) {
        long n = totals.statusCount(e, s);
        if (n > 0) b.dataPoint(CounterDataPointSnapshot.builder().value(n)
            .labels(endpoint(e).add("status", String.valueOf(s))).build());
      }
    }
    return b.build();
  }

  private CounterSnapshot failures() {
    CounterSnapshot.Builder b = CounterSnapshot.builder().name("horde_failures_by_reason")
        .help("Failed requests by reason and kind");
    for (int e = 0; e < totals.endpoints(); e++) {
      if (!totals.touched(e)) continue;
      for (int r = 0; r < totals.reasonCapacity(); r++) {
        long n = totals.reasonCount(e, r);
        Names.Reason reason = names.reason(r);
        if (n > 0 && reason != null) b.dataPoint(CounterDataPointSnapshot.builder().value(n)
            .labels(endpoint(e).add("reason", reason.name()).add("kind", reason.kind().lower())).build());
      }
    }
    return b.build();
  }

  /** A histogram of a time measure in seconds, buckets counted from the HdrHistogram of microseconds. */
  private HistogramSnapshot histograms(String key, int index) {
    String name = key.equals("latency") ? "horde_request_duration_seconds" : "horde_" + key + "_seconds";
    HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name)
        .help(capitalized(names.measures().histogram(index).label()) + ", in seconds");
    for (int e = 0; e < totals.endpoints(); e++) {
      Histogram h = totals.histogram(e, index);
      if (h == null || h.getTotalCount() == 0) continue;
      b.dataPoint(HistogramDataPointSnapshot.builder().classicHistogramBuckets(buckets(h))
          .sum(h.getMean() * h.getTotalCount() / 1e6).labels(endpoint(e)).build());
    }
    return b.build();
  }

  static ClassicHistogramBuckets buckets(Histogram micros) {
    double[] bounds = new double[SECONDS.length + 1];
    long[] counts = new long[bounds.length];
    long below = 0;
    for (int i = 0; i < SECONDS.length; i++) {
      bounds[i] = SECONDS[i];
      long upTo = micros.getCountBetweenValues(0, Math.round(SECONDS[i] * 1e6));
      counts[i] = upTo - below;
      below = upTo;
    }
    bounds[SECONDS.length] = Double.POSITIVE_INFINITY;
    counts[SECONDS.length] = micros.getTotalCount() - below;
    return ClassicHistogramBuckets.of(bounds, counts);
  }

  private Labels endpoint(int e) {
    Names.Endpoint ep = names.endpoint(e);
    return Labels.of("endpoint", ep.name(), "method", ep.method());
  }

  private static GaugeSnapshot gauge(String name, String help, double value, String... labels) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build()).build();
  }

  private static CounterSnapshot counter(String name, String help, double value) {
    return CounterSnapshot.builder().name(name).help(help)
        .dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build();
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
