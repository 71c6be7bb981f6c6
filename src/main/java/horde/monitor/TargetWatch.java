package horde.monitor;

import horde.result.TargetSummary;
import horde.scenario.Monitor;
import horde.stats.TargetSample;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the target's Prometheus endpoints while a test runs: scrapes them all every {@code every}
 * on a thread of its own (the load never waits for it), and hands the statistics each second the
 * latest value of every series ({@link #take}), so they land on the run's timeline beside Horde's
 * own figures. A scrape that fails is counted and shown, never fatal: its series are simply absent
 * from the seconds it leaves without a fresh value.
 *
 * <pre>{@code
 * try (TargetWatch watch = TargetWatch.start(scenario.monitor())) {
 *   ... each second: interval.target = watch.take();
 *   watch.summary();   // scrapes and failures per endpoint
 * }
 * }</pre>
 */
public final class TargetWatch implements AutoCloseable {
  private final Monitor spec;
  private final List<Source> sources = new ArrayList<>();
  private final HttpClient client;
  private final ScheduledExecutorService ticker;
  private final Map<String, double[]> latest = new LinkedHashMap<>(); // name -> {value, nanos}
  private final long freshNanos;
  private int failedSinceTake;

  private TargetWatch(Monitor spec) {
    this.spec = spec;
    spec.prometheus().forEach(s -> sources.add(new Source(s, spec.every())));
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    this.freshNanos = 2 * spec.every().toNanos() + TimeUnit.MILLISECONDS.toNanos(500);
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "horde-monitor");
      t.setDaemon(true);
      return t;
    });
  }

  /** {@link #start}, or null for no monitor. */
  public static TargetWatch of(Monitor spec) {
    return spec == null ? null : start(spec);
  }

  /** Starts scraping at once, then every {@code spec.every()}. */
  public static TargetWatch start(Monitor spec) {
    TargetWatch w = new TargetWatch(spec);
    w.ticker.scheduleWithFixedDelay(w::scrapeQuietly, 0, spec.every().toNanos(), TimeUnit.NANOSECONDS);
    return w;
  }

  private void scrapeQuietly() {
    try {
      scrape();
    } catch (RuntimeException e) {
      // counted as the source's failure where it can be; the ticker must keep going either way
    }
  }

  /** One round: every source asked at once, each answer read as it comes (or when its timeout fails it). */
  void scrape() {
    List<CompletableFuture<HttpResponse<String>>> asked = new ArrayList<>();
    for (Source s : sources) asked.add(s.request(client));
    for (int i = 0; i < sources.size(); i++) {
      HttpResponse<String> answer = null;
      Throwable failure = null;
      try {
        answer = asked.get(i).get(spec.every().toNanos() + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        failure = e.getCause() != null ? e.getCause() : e;
        asked.get(i).cancel(true);
      }
      long now = System.nanoTime();
      Map<String, Double> values;
      synchronized (this) {
        values = sources.get(i).read(answer, failure, now);
        if (values == null) failedSinceTake++;
        else values.forEach((name, v) -> latest.put(name, new double[] {v, now}));
      }
    }
  }

  /** The latest fresh value of every series, and the scrapes that failed since the last call. */
  public synchronized TargetSample take() {
    long now = System.nanoTime();
    Map<String, Double> values = new LinkedHashMap<>();
    latest.forEach((name, v) -> {
      if (now - (long) v[1] <= freshNanos) values.put(name, v[0]);
    });
    TargetSample out = new TargetSample(values, failedSinceTake);
    failedSinceTake = 0;
    return out;
  }

  /** What each endpoint did so far: scrapes, failures, the last error, its series and their queries. */
  public synchronized TargetSummary summary() {
    return new TargetSummary(spec.every().toNanos() / 1e9, sources.stream().map(Source::report).toList());
  }

  public Monitor spec() {
    return spec;
  }

  /** Stops scraping; returns once no scrape is under way (or after 5 s). */
  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.shutdownNow();
  }
}
