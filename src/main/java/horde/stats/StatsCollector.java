package horde.stats;

import horde.record.MetricRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;

/**
 * Reads the recorder once a second: swaps out each endpoint's interval histogram, turns the
 * interval into a {@link TimelinePoint}, adds it to the measured totals once the warm-up is over,
 * and every {@code progressEvery} ticks hands a {@link Progress} to the listener. Runs on its own
 * thread; the recording side never waits for it.
 */
public final class StatsCollector {
  private final MetricRecorder recorder;
  private final boolean[] groups;
  private final Totals totals;
  private final IntSupplier users;
  private final long warmupTicks;
  private final Consumer<Progress> progress;
  private final int progressEvery;
  private final Histogram[] recycled;
  private final Histogram[] recycledUncorrected;
  private long lastDropped;
  private final Histogram intervalAll = new Histogram(3);
  private final Window window;
  private final List<TimelinePoint> timeline = new ArrayList<>();
  private final long[] lastCounts = new long[2];
  private ScheduledExecutorService ticker;
  private Thread.UncaughtExceptionHandler onError = (t, e) -> {};
  private long startNanos;
  private long startEpochMillis;
  private long ticks;
  private double lastT;

  /**
   * @param warmupSeconds rounded up to whole seconds: the warm-up ends on a tick
   * @param progressEvery ticks between progress reports; 0 = none
   */
  /** @param groups by endpoint id: whether it is a group, kept out of the request figures */
  public StatsCollector(MetricRecorder recorder, Totals totals, boolean[] groups, IntSupplier users,
      double warmupSeconds, Consumer<Progress> progress, int progressEvery) {
    this.groups = groups.clone();
    this.recorder = recorder;
    this.totals = totals;
    this.users = users;
    this.warmupTicks = (long) Math.ceil(warmupSeconds);
    this.progress = progress;
    this.progressEvery = progressEvery;
    this.recycled = new Histogram[recorder.endpoints()];
    this.recycledUncorrected = new Histogram[recorder.endpoints()];
    this.window = new Window(Math.max(1, progressEvery));
  }

  /** Who hears of what stops the ticker (out of memory...), which would otherwise end it unnoticed. */
  public StatsCollector onError(Thread.UncaughtExceptionHandler handler) {
    onError = handler;
    return this;
  }

  public synchronized void start(long startNanos, long startEpochMillis) {
    this.startNanos = startNanos;
    this.startEpochMillis = startEpochMillis;
    if (warmupTicks == 0) totals.beginMeasuring();
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
    interval(ticks, false);
    if (ticks == warmupTicks) totals.beginMeasuring();
    if (progressEvery > 0 && ticks % progressEvery == 0 && progress != null) progress.accept(window.progress(ticks, users.getAsInt(), ticks <= warmupTicks));
  }

  /** Stops ticking, records the last partial interval, and returns the run's statistics. */
  public synchronized RunStats finish(long endNanos, long cancelledInFlight, boolean aborted) {
    ticker.shutdownNow();
    ticker = null;
    double end = (endNanos - startNanos) / 1e9;
    if (end > lastT + 1e-3) interval(-1, true);
    lastT = end;
    if (ticks < warmupTicks) totals.beginMeasuring(); // the run ended inside the warm-up
    double warmup = Math.min(warmupTicks, end);
    return totals.runStats(startEpochMillis, end, warmup, Math.max(0, end - warmup), timeline, cancelledInFlight, aborted);
  }

  private void interval(long tick, boolean last) {
    double t = last ? (System.nanoTime() - startNanos) / 1e9 : tick;
    intervalAll.reset();
    for (int e = 0; e < recycled.length; e++) {
      recycled[e] = recorder.intervalHistogram(e, recycled[e]);
      if (totals.open()) recycledUncorrected[e] = recorder.uncorrectedHistogram(e, recycledUncorrected[e]);
      if (!groups[e]) intervalAll.add(recycled[e]);
      totals.add(e, recycled[e], recycledUncorrected[e]);
    }
    long requests = 0, failures = 0;
    for (int e = 0; e < recycled.length; e++) {
      if (groups[e]) continue;
      requests += recorder.count(e, MetricRecorder.REQUESTS);
      failures += recorder.count(e, MetricRecorder.FAILURES);
    }
    long dr = requests - lastCounts[0], df = failures - lastCounts[1];
    lastCounts[0] = requests;
    lastCounts[1] = failures;
    double seconds = Math.max(1e-3, t - lastT);
    boolean warm = last ? t <= warmupTicks : tick <= warmupTicks;
    long droppedNow = totals.droppedSoFar();
    long dropped = droppedNow;
    TimelinePoint.LlmPoint llm = totals.llm() == null ? null : totals.llm().interval(seconds);
    if (last && seconds < 0.25 && !timeline.isEmpty()) {
      // A sliver at the end would chart as a spike: it joins the second before it instead.
      TimelinePoint prev = timeline.remove(timeline.size() - 1);
      intervalAll.add(window.latest());
      seconds += window.latestSeconds();
      dr += prev.requests();
      df += prev.failures();
      dropped += prev.dropped();
      warm = prev.warmup();
      if (prev.llm() != null) llm = prev.llm(); // too short to say more than the second before
    }
    timeline.add(new TimelinePoint(round(t), users.getAsInt(), dr, df, round(dr / seconds),
        LatencySummary.pct(intervalAll, 50), LatencySummary.pct(intervalAll, 95), LatencySummary.pct(intervalAll, 99),
        dropped - lastDropped, warm, llm));
    lastDropped = droppedNow;
    window.add(intervalAll, dr, df, seconds);
    lastT = t;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
