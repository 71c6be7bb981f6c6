package horde.stats;

import horde.record.MetricRecorder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;

/**
 * The measured window's totals: interval histograms added once the warm-up is over, counters
 * taken as the difference from their values at that moment.
 */
public final class Totals {
  private final MetricRecorder recorder;
  private final List<String> names;
  private final List<String> methods;
  private final IntFunction<String> reasonName;
  private final IntSupplier reasonCount;
  private final Histogram[] measured;
  private final Histogram[] uncorrected;
  private final java.util.function.LongSupplier dropped;
  private long baseDropped;
  private LlmTally llm;
  private long[][] baseCounts;
  private long[][] baseReasons;

  /**
   * @param dropped open model: arrivals that found no free user so far (null for other models,
   *     which then have no uncorrected latencies either)
   */
  public Totals(MetricRecorder recorder, List<String> names, List<String> methods,
      IntFunction<String> reasonName, IntSupplier reasonCount, java.util.function.LongSupplier dropped) {
    this.recorder = recorder;
    this.names = List.copyOf(names);
    this.methods = List.copyOf(methods);
    this.reasonName = reasonName;
    this.reasonCount = reasonCount;
    this.dropped = dropped;
    this.measured = new Histogram[names.size()];
    this.uncorrected = dropped == null ? null : new Histogram[names.size()];
    for (int i = 0; i < measured.length; i++) {
      measured[i] = new Histogram(3);
      if (uncorrected != null) uncorrected[i] = new Histogram(3);
    }
  }

  /** Also tallies streaming and token figures, for the endpoints marked in {@code tracked}. */
  public Totals withLlm(horde.record.LlmRecorder recorder, boolean[] tracked) {
    llm = new LlmTally(recorder, tracked);
    return this;
  }

  LlmTally llm() {
    return llm;
  }

  boolean measuring() {
    return baseCounts != null;
  }

  void beginMeasuring() {
    if (measuring()) return;
    int n = names.size();
    baseCounts = new long[n][4];
    baseReasons = new long[n][recorder.reasonCapacity()];
    baseDropped = droppedSoFar();
    if (llm != null) llm.beginMeasuring();
    for (int e = 0; e < n; e++) {
      for (int c = 0; c < 4; c++) baseCounts[e][c] = recorder.count(e, c);
      for (int r = 0; r < recorder.reasonCapacity(); r++) baseReasons[e][r] = recorder.failures(e, r);
    }
  }

  long droppedSoFar() {
    return dropped == null ? 0 : dropped.getAsLong();
  }

  boolean open() {
    return uncorrected != null;
  }

  void add(int endpoint, Histogram interval, Histogram uncorrectedInterval) {
    if (!measuring()) return;
    measured[endpoint].add(interval);
    if (uncorrected != null) uncorrected[endpoint].add(uncorrectedInterval);
  }

  RunStats runStats(long startEpochMillis, double runSeconds, double warmupSeconds, double measuredSeconds,
      List<TimelinePoint> timeline, long cancelled, boolean aborted) {
    List<EndpointStats> endpoints = new ArrayList<>();
    for (int e = 0; e < names.size(); e++) endpoints.add(endpoint(e));
    return new RunStats(startEpochMillis, runSeconds, warmupSeconds, measuredSeconds, endpoints,
        total(endpoints), timeline, cancelled, aborted, droppedSoFar() - baseDropped);
  }

  private EndpointStats endpoint(int e) {
    long[] c = new long[4];
    for (int i = 0; i < 4; i++) c[i] = recorder.count(e, i) - baseCounts[e][i];
    Map<String, Long> reasons = new LinkedHashMap<>();
    Map<String, String> samples = new LinkedHashMap<>();
    int used = Math.min(reasonCount.getAsInt(), recorder.reasonCapacity());
    for (int r = 0; r < used; r++) {
      long n = recorder.failures(e, r) - baseReasons[e][r];
      if (n <= 0) continue;
      String name = reasonName.apply(r);
      reasons.merge(name, n, Long::sum);
      String sample = recorder.sample(e, r);
      if (sample != null) samples.putIfAbsent(name, sample);
    }
    return new EndpointStats(names.get(e), methods.get(e), c[MetricRecorder.REQUESTS], c[MetricRecorder.FAILURES],
        c[MetricRecorder.BYTES_SENT], c[MetricRecorder.BYTES_RECEIVED], measured[e].copy(), sortByCount(reasons), samples,
        uncorrected == null ? null : uncorrected[e].copy(), llm == null ? null : llm.endpoint(e));
  }

  /** The run's total: every request, but not the groups (their requests are already counted). */
  public static EndpointStats total(List<EndpointStats> endpoints) {
    return merge("Total", "", endpoints.stream().filter(e -> !e.isGroup()).toList());
  }

  /** Several endpoints as one: counters summed, histograms added exactly, never averaged. */
  public static EndpointStats merge(String name, String method, List<EndpointStats> parts) {
    Histogram all = new Histogram(3);
    Histogram allUncorrected = parts.stream().allMatch(p -> p.uncorrected() != null) ? new Histogram(3) : null;
    long req = 0, fail = 0, sent = 0, recv = 0;
    Map<String, Long> reasons = new LinkedHashMap<>();
    Map<String, String> samples = new LinkedHashMap<>();
    for (EndpointStats p : parts) {
      all.add(p.latency());
      if (allUncorrected != null) allUncorrected.add(p.uncorrected());
      req += p.requests();
      fail += p.failures();
      sent += p.bytesSent();
      recv += p.bytesReceived();
      p.failuresByReason().forEach((k, v) -> reasons.merge(k, v, Long::sum));
      p.samples().forEach(samples::putIfAbsent);
    }
    return new EndpointStats(name, method, req, fail, sent, recv, all, sortByCount(reasons), samples,
        parts.isEmpty() ? null : allUncorrected, LlmStats.merge(parts.stream().map(EndpointStats::llm).toList()));
  }

  private static Map<String, Long> sortByCount(Map<String, Long> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
