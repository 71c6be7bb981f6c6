package horde.live;

import horde.record.Health;
import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import horde.stats.Interval;
import horde.stats.IntervalListener;
import horde.stats.Names;
import horde.stats.TargetSample;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Every second of a live test as the web UI charts it, kept server-side from the first second so
 * that a browser that reloads gets the whole history back: requests and failures per second, the
 * latency percentiles a user may pick, users, streaming figures, the generator's health, and the
 * target's own series when the scenario monitors it ({@code monitor:}; a series first seen later
 * is absent, NaN, from the seconds before). Phases follow each other on one timeline. Also keeps
 * the last seconds of each endpoint ({@link Recent}).
 *
 * <pre>{@code
 * LiveSeries series = new LiveSeries();
 * testRun.listen(series);
 * }</pre>
 */
public final class LiveSeries implements IntervalListener {
  /** The columns, in order: time, load, latency percentiles (ms), streaming, generator. */
  public static final List<String> COLUMNS = List.of("t", "users", "rps", "fps", "p50", "p75", "p90", "p95", "p99",
      "p999", "max", "ttft_p50", "ttft_p95", "itl_p50", "itl_p95", "tokens_per_s", "cache_hit", "dropped", "lag_ms",
      "cpu", "warmup");
  private static final double[] PERCENTILES = {50, 75, 90, 95, 99, 99.9};

  private double[][] columns = new double[COLUMNS.size()][64];
  /** The target's series by name (empty: not monitored), as long as the columns. */
  private final Map<String, double[]> target = new LinkedHashMap<>();
  /** The target's failed scrapes a second; null while no second had a target sample (not monitored). */
  private double[] scrapeFailures;
  private int size;
  private double offset;
  private double lastRaw = -1;
  private boolean streaming;
  private final Recent recent = new Recent(Recent.SECONDS);
  private Runnable onSecond = () -> {};
  private Names names;

  /** Called after each second is added (on the statistics thread): wakes whoever pushes it. */
  public void onSecond(Runnable r) {
    onSecond = r;
  }

  @Override
  public void interval(Interval interval, IntervalSnapshot snapshot, Names names) {
    synchronized (this) {
      this.names = names;
      if (interval.t() <= lastRaw) offset = size == 0 ? 0 : columns[0][size - 1]; // a new phase starts at 0
      lastRaw = interval.t();
      add(interval, snapshot, names);
      recent.add(snapshot, names);
    }
    onSecond.run();
  }

  private void add(Interval interval, IntervalSnapshot s, Names names) {
    if (size == columns[0].length) for (int c = 0; c < columns.length; c++) columns[c] = Arrays.copyOf(columns[c], size * 2);
    Histogram latency = new Histogram(3), ttft = new Histogram(3), itl = new Histogram(3);
    long requests = 0, failures = 0, tokens = 0, hits = 0, lookups = 0;
    for (int e = 0; e < s.endpoints(); e++) {
      if (!s.touched(e) || names.endpoint(e).isGroup()) continue;
      requests += s.counter(e, Measures.REQUESTS);
      failures += s.counter(e, Measures.FAILURES);
      addTo(latency, s.histogram(e, Measures.LATENCY));
      addTo(ttft, s.histogram(e, Measures.TTFT));
      addTo(itl, s.histogram(e, Measures.ITL));
      tokens += s.counter(e, Measures.OUTPUT_TOKENS);
      hits += s.counter(e, Measures.CACHE_HITS);
      lookups += s.counter(e, Measures.CACHE_LOOKUPS);
    }
    streaming |= ttft.getTotalCount() > 0 || tokens > 0 || lookups > 0;
    double seconds = Math.max(1e-3, interval.seconds());
    int c = 0;
    set(c++, round(offset + interval.t()));
    set(c++, interval.users());
    set(c++, round(requests / seconds));
    set(c++, round(failures / seconds));
    for (double p : PERCENTILES) set(c++, ms(latency, p));
    set(c++, latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0);
    set(c++, ms(ttft, 50));
    set(c++, ms(ttft, 95));
    set(c++, ms(itl, 50));
    set(c++, ms(itl, 95));
    set(c++, round(tokens / seconds));
    set(c++, lookups == 0 ? Double.NaN : round(100.0 * hits / lookups));
    set(c++, interval.dropped());
    Health h = interval.health();
    set(c++, h == null ? Double.NaN : h.loopLagP99Ms());
    set(c++, h == null ? Double.NaN : h.cpuPercent());
    set(c, interval.warmup() ? 1 : 0);
    addTarget(interval.target());
    size++;
  }

  private void addTarget(TargetSample sample) {
    int capacity = columns[0].length;
    for (Map.Entry<String, double[]> e : target.entrySet()) {
      if (e.getValue().length < capacity) e.setValue(grown(e.getValue(), capacity));
      e.getValue()[size] = Double.NaN;
    }
    if (scrapeFailures != null && scrapeFailures.length < capacity) scrapeFailures = grown(scrapeFailures, capacity);
    if (sample == null) {
      if (scrapeFailures != null) scrapeFailures[size] = Double.NaN;
      return;
    }
    if (scrapeFailures == null) scrapeFailures = grown(new double[0], capacity);
    scrapeFailures[size] = sample.failures();
    sample.values().forEach((name, v) -> target.computeIfAbsent(name, n -> grown(new double[0], capacity))[size] = v);
  }

  /** {@code a} with room for {@code capacity} seconds, the new ones NaN (no value). */
  private static double[] grown(double[] a, int capacity) {
    double[] out = Arrays.copyOf(a, capacity);
    Arrays.fill(out, a.length, capacity, Double.NaN);
    return out;
  }

  private void set(int column, double v) {
    columns[column][size] = v;
  }

  private static void addTo(Histogram into, Histogram h) {
    if (h != null && h.getTotalCount() > 0) into.add(h);
  }

  /** Milliseconds at a percentile; NaN without values (a gap in the chart, not a zero). */
  private static double ms(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  /** Seconds kept. */
  public synchronized int size() {
    return size;
  }

  /** Whether any second had streaming, token or cache figures (the UI then shows their charts). */
  public synchronized boolean streaming() {
    return streaming;
  }

  /**
   * Seconds {@code from} to the last, by column (see {@link #COLUMNS}), the target's series by name
   * and its failed scrapes a second (empty and null when it is not monitored).
   */
  public record Part(int from, double[][] columns, Map<String, double[]> target, double[] scrapeFailures) {}

  /** The seconds from {@code from} on (or from the last kept one, when {@code from} lies beyond). */
  public synchronized Part from(int from) {
    int start = Math.max(0, Math.min(from, size));
    double[][] out = new double[columns.length][];
    for (int c = 0; c < columns.length; c++) out[c] = Arrays.copyOfRange(columns[c], start, size);
    Map<String, double[]> t = new LinkedHashMap<>();
    target.forEach((name, values) -> t.put(name, Arrays.copyOfRange(values, start, size)));
    return new Part(start, out, t, scrapeFailures == null ? null : Arrays.copyOfRange(scrapeFailures, start, size));
  }

  /** The last seconds of each endpoint, and the names of the run's ids (null before the first second). */
  public synchronized Recent.View recent() {
    return names == null ? null : recent.view(names);
  }
}
