package horde.stats;

import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.scenario.Measures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Takes the loops' interval snapshots once a second, adds them into one, and keeps it as the
 * second's {@link Interval}; the measured totals are the sum of the seconds after the warm-up,
 * never a recorder minus a baseline. Every {@code progressEvery} ticks it hands a {@link Progress}
 * to the listener. Runs on its own thread; the recording side never waits for it.
 *
 * <pre>{@code
 * StatsCollector stats = new StatsCollector(recorders, shape, names, samples, gauges, options);
 * stats.start(engine.startNanos(), System.currentTimeMillis());
 * RunStats result = stats.finish(report.endNanos(), report.cancelledInFlight(), report.aborted());
 * }</pre>
 */
public final class StatsCollector {
  /**
   * @param warmupSeconds rounded up to whole seconds: the warm-up ends on a tick
   * @param open whether the load is an arrival rate (every endpoint then has uncorrected latencies)
   * @param tracked by endpoint id: whether it tracks streaming, token or cache figures (it then has them,
   *     even empty)
   * @param progressEvery ticks between progress reports; 0 = none
   * @param warmupRequests a warm-up by count: every second until this many requests have completed
   *     is warm-up (whole seconds, so at least this many are left out); 0 for none
   */
  public record Options(double warmupSeconds, boolean open, boolean[] tracked, Consumer<Progress> progress,
      int progressEvery, List<IntervalListener> listeners, long warmupRequests) {
    public Options {
      listeners = List.copyOf(listeners);
      if (warmupRequests < 0) throw new IllegalArgumentException("warmupRequests must be >= 0");
    }

    public Options(double warmupSeconds, boolean open, boolean[] tracked, Consumer<Progress> progress,
        int progressEvery, List<IntervalListener> listeners) {
      this(warmupSeconds, open, tracked, progress, progressEvery, listeners, 0);
    }
  }

  private final List<LoopRecorder> recorders;
  private final Supplier<Names> names;
  private final Samples samples;
  private final Gauges gauges;
  private final Options options;
  private final long warmupTicks;
  private final IntervalSnapshot merged;
  private final IntervalSnapshot measured;
  private final Window window;
  private final boolean[] groups;
  private final boolean llm;
  private final List<Interval> intervals = new ArrayList<>();
  private final List<TimelinePoint> timeline = new ArrayList<>();
  private ScheduledExecutorService ticker;
  private Thread.UncaughtExceptionHandler onError = (t, e) -> {};
  private long startNanos;
  private long startEpochMillis;
  private long ticks;
  private double lastT;
  private long lastDropped;
  private long measuredDropped;
  /** Seconds since the start where the measured window begins when the statistics were reset; 0 otherwise. */
  private double measuredFrom;
  /** Requests still to complete before the measured window begins (a warm-up by count). */
  private long warmupRequestsLeft;
  private volatile boolean resetWanted;

  public StatsCollector(List<LoopRecorder> recorders, IntervalSnapshot shape, Supplier<Names> names, Samples samples,
      Gauges gauges, Options options) {
    this.recorders = List.copyOf(recorders);
    this.names = names;
    this.samples = samples;
    this.gauges = gauges;
    this.options = options;
    this.warmupTicks = (long) Math.ceil(options.warmupSeconds());
    this.warmupRequestsLeft = options.warmupRequests();
    this.merged = shape.emptyCopy();
    this.measured = shape.emptyCopy();
    for (int e = 0; e < measured.endpoints(); e++) {
      if (options.open()) measured.histogramFor(e, Measures.UNCORRECTED);
      if (options.tracked()[e]) measured.histogramFor(e, Measures.TTFB);
    }
    this.window = new Window(Math.max(1, options.progressEvery()));
    List<Names.Endpoint> endpoints = names.get().endpoints();
    this.groups = new boolean[endpoints.size()];
    for (int e = 0; e < groups.length; e++) groups[e] = endpoints.get(e).isGroup();
    boolean any = false;
    for (boolean t : options.tracked()) any |= t;
    this.llm = any;
  }

  /** Who hears of what stops the ticker (out of memory...), which would otherwise end it unnoticed. */
  public StatsCollector onError(Thread.UncaughtExceptionHandler handler) {
    onError = handler;
    return this;
  }

  public synchronized void start(long startNanos, long startEpochMillis) {
    this.startNanos = startNanos;
    this.startEpochMillis = startEpochMillis;
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "horde-stats");
      t.setDaemon(true);
      t.setUncaughtExceptionHandler(onError);
      return t;
    });
    long first = startNanos + TimeUnit.SECONDS.toNanos(1) - System.nanoTime();
    ticker.scheduleAtFixedRate(this::tickOrTell, first, TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
  }

  private void tickOrTell() {
    try {
      tick();
    } catch (Error e) {
      onError.uncaughtException(Thread.currentThread(), e); // the executor would keep it in a future nobody reads
      throw e;
    }
  }

  private synchronized void tick() {
    if (ticker == null) return;
    ticks++;
    if (resetWanted) resetNow(); // on a tick only: a reset in the run's last moments is not applied
    take(ticks, ticks <= warmupTicks, null);
    progress();
  }

  private void progress() {
    if (options.progressEvery() > 0 && ticks % options.progressEvery() == 0 && options.progress() != null) {
      options.progress().accept(window.progress(ticks, gauges.users(), ticks <= warmupTicks || lastT <= measuredFrom()));
    }
  }

  /**
   * Starts without a ticker, for a caller that keeps time itself (a coordinator adding up its
   * workers' seconds): it hands over each interval with {@link #take(double, IntervalSnapshot)}.
   */
  public synchronized void startTaking(long startEpochMillis) {
    this.startEpochMillis = startEpochMillis;
  }

  /**
   * Takes the interval ending at {@code t} seconds from {@code snapshot}, as the ticker takes a
   * second from the recorders: the gauges are read now, the warm-up and a short last piece are
   * handled alike, and progress is reported every {@code progressEvery} intervals.
   */
  public synchronized void take(double t, IntervalSnapshot snapshot) {
    ticks++;
    if (resetWanted) resetNow();
    take(t, t <= warmupTicks, snapshot);
    progress();
  }

  /** Stops ticking, takes the last partial interval, and returns the run's statistics. */
  public synchronized RunStats finish(long endNanos, long cancelledInFlight, boolean aborted) {
    return finish((endNanos - startNanos) / 1e9, cancelledInFlight, aborted);
  }

  /** Like {@link #finish(long, long, boolean)}, with the end in seconds since the start. */
  public synchronized RunStats finish(double end, long cancelledInFlight, boolean aborted) {
    if (ticker != null) ticker.shutdownNow();
    ticker = null;
    if (end > lastT + 1e-3) take(end, end <= warmupTicks, null);
    return stats(end, cancelledInFlight, aborted);
  }

  /**
   * The statistics so far, up to the last whole second, as {@link #finish} would give them then:
   * for a live view. Empty before the first second.
   */
  public synchronized RunStats soFar() {
    return stats(lastT, 0, false);
  }

  /**
   * Statistics start over from the next second: the measured window begins there, as after a
   * warm-up (the seconds before it stay in the timeline, marked as warm-up). Safe from any thread.
   */
  public void resetMeasured() {
    resetWanted = true;
  }

  /** Where the measured window begins: the end of the warm-up, or the last reset (seconds since the start). */
  public synchronized double measuredFrom() {
    return warmupRequestsLeft > 0 ? lastT : Math.max(Math.min(warmupTicks, lastT), measuredFrom);
  }

  private RunStats stats(double end, long cancelledInFlight, boolean aborted) {
    double warmup = warmupRequestsLeft > 0 ? end : Math.max(Math.min(warmupTicks, end), measuredFrom);
    Names n = names.get();
    List<EndpointStats> endpoints = new ArrayList<>();
    for (int e = 0; e < measured.endpoints(); e++) endpoints.add(EndpointStats.of(measured, e, n, samples::get));
    return new RunStats(startEpochMillis, round(end), warmup, Math.max(0, end - warmup), endpoints,
        EndpointStats.total(endpoints), timeline, cancelledInFlight, aborted, measuredDropped, intervals, n);
  }

  /** A reset asked for: what was measured so far becomes warm-up, and the window starts at {@code lastT}. */
  private void resetNow() {
    resetWanted = false;
    measured.reset();
    measuredDropped = 0;
    measuredFrom = lastT;
    for (int i = 0; i < intervals.size(); i++) {
      Interval v = intervals.get(i);
      if (v.warmup()) continue;
      intervals.set(i, new Interval(v.t(), v.seconds(), v.users(), v.peakUsers(), v.dropped(), true, v.slices(), v.health()));
      TimelinePoint p = timeline.get(i);
      timeline.set(i, new TimelinePoint(p.t(), p.users(), p.requests(), p.failures(), p.rps(), p.p50(), p.p95(), p.p99(),
          p.dropped(), true, p.llm(), p.peakUsers(), p.health()));
    }
  }

  /** Takes the loops' snapshots (and {@code extra}, when given) as the interval ending at {@code t} seconds. */
  private void take(double t, boolean warmup, IntervalSnapshot extra) {
    merged.reset();
    for (LoopRecorder r : recorders) r.drainInto(merged);
    if (extra != null) merged.add(extra);
    if (warmupRequestsLeft > 0) {
      countWarmup(t);
      warmup = true;
    }
    double seconds = Math.max(1e-3, t - lastT);
    // A sliver at the end would chart as a spike: it joins the second before it, warm-up or not.
    boolean sliver = t != Math.rint(t) && seconds < 0.25 && !intervals.isEmpty();
    if (sliver) warmup = intervals.get(intervals.size() - 1).warmup();
    long droppedNow = gauges.droppedSoFar();
    long dropped = droppedNow - lastDropped;
    lastDropped = droppedNow;
    if (!warmup) {
      measured.add(merged);
      measuredDropped += dropped;
    }
    Interval interval = new Interval(round(t), round(seconds), gauges.users(), gauges.takePeakUsers(), dropped, warmup,
        slices(merged), gauges.health(), gauges.target());
    if (sliver) interval = joinLast(interval);
    else add(interval, merged);
    lastT = t;
    Names n = names.get();
    for (IntervalListener l : options.listeners()) l.interval(interval, merged, n);
  }

  /** Counts this warm-up interval's requests; when they complete the count, the measured window starts at its end. */
  private void countWarmup(double t) {
    warmupRequestsLeft -= Points.requests(merged, groups);
    if (warmupRequestsLeft <= 0) {
      warmupRequestsLeft = 0;
      measuredFrom = Math.max(measuredFrom, t);
    }
  }

  private void add(Interval interval, IntervalSnapshot snapshot) {
    intervals.add(interval);
    Histogram latencies = Points.requestLatencies(snapshot, groups);
    TimelinePoint p = Points.of(interval, snapshot, latencies, groups, llm);
    timeline.add(p);
    window.add(latencies, p.requests(), p.failures(), interval.seconds());
  }

  /** The last second and a short final piece as one interval, which replaces the second. */
  private Interval joinLast(Interval sliver) {
    Interval prev = intervals.remove(intervals.size() - 1);
    timeline.remove(timeline.size() - 1);
    window.dropLatest();
    IntervalSnapshot both = merged.emptyCopy();
    prev.slices().forEach(s -> s.addTo(both));
    both.add(merged);
    Interval joined = new Interval(sliver.t(), round(prev.seconds() + sliver.seconds()), sliver.users(),
        Math.max(prev.peakUsers(), sliver.peakUsers()), prev.dropped() + sliver.dropped(), prev.warmup(), slices(both),
        prev.health(), prev.target() == null ? sliver.target() : prev.target().join(sliver.target()));
    add(joined, both);
    return joined;
  }

  private static List<Slice> slices(IntervalSnapshot s) {
    List<Slice> out = new ArrayList<>();
    for (int e = 0; e < s.endpoints(); e++) {
      Slice slice = Slice.of(s, e);
      if (slice != null) out.add(slice);
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
