package horde.stats;

import horde.record.IntervalSnapshot;
import horde.scenario.FailureKind;
import horde.scenario.Measure;
import horde.scenario.Measures;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.HdrHistogram.Histogram;

/**
 * What one endpoint (or several, or the whole run) did in a window: every measure it recorded,
 * by key ({@link Measures}), the count of each answer status, and its failures by reason.
 *
 * @param histograms by measure key, values as recorded (microseconds, thousandths); {@code latency}
 *     always present: requests that got an answer, in the open model timed from each iteration's
 *     intended start
 * @param counters by measure key; a missing key counts 0
 * @param statuses answer status to count, ascending (0: a status outside 100..599); answers
 *     declared in expect_status are counted here too
 * @param failuresByReason reason name to count, largest first
 * @param reasonKinds reason name to its kind
 * @param samples reason name to the first message seen
 */
public record EndpointStats(
    String name,
    String method,
    Map<String, Histogram> histograms,
    Map<String, Long> counters,
    Map<Integer, Long> statuses,
    Map<String, Long> failuresByReason,
    Map<String, FailureKind> reasonKinds,
    Map<String, String> samples) {

  public EndpointStats {
    histograms = new LinkedHashMap<>(histograms);
    histograms.putIfAbsent("latency", new Histogram(3));
    histograms = Collections.unmodifiableMap(histograms);
    // not Map.copyOf: its order changes from one JVM to the next, and a result file reads the same every time
    counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
    failuresByReason = sortByCount(failuresByReason);
    reasonKinds = Collections.unmodifiableMap(new TreeMap<>(reasonKinds));
    samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
  }

  /**
   * An endpoint as most figures need it: requests, failures, bytes and latencies (the rest empty;
   * reasons named as Horde names them, their kinds told from the names).
   *
   * @param uncorrected open model only (else null): the same requests timed from their actual send
   */
  public static EndpointStats of(String name, String method, long requests, long failures, long bytesSent,
      long bytesReceived, Histogram latency, Map<String, Long> failuresByReason, Map<String, String> samples,
      Histogram uncorrected) {
    Map<String, Histogram> h = new LinkedHashMap<>();
    h.put("latency", latency);
    if (uncorrected != null) h.put("uncorrected", uncorrected);
    Map<String, FailureKind> kinds = new LinkedHashMap<>();
    failuresByReason.keySet().forEach(r -> kinds.put(r, FailureKind.ofLegacyName(r)));
    return new EndpointStats(name, method, h, Map.of("requests", requests, "failures", failures, "bytes_sent",
        bytesSent, "bytes_received", bytesReceived), Map.of(), failuresByReason, kinds, samples);
  }

  public static EndpointStats of(String name, String method, long requests, long failures, long bytesSent,
      long bytesReceived, Histogram latency, Map<String, Long> failuresByReason, Map<String, String> samples) {
    return of(name, method, requests, failures, bytesSent, bytesReceived, latency, failuresByReason, samples, null);
  }

  /** The same endpoint with these streaming and token figures (as if it had recorded them). */
  public EndpointStats with(LlmStats llm) {
    Map<String, Histogram> h = new LinkedHashMap<>(histograms);
    h.put("ttfb", llm.ttfb());
    h.put("ttft", llm.ttft());
    h.put("itl", llm.itl());
    h.put("tpot", llm.tpot());
    h.put("tokens_per_s", llm.tokensPerSecond());
    Map<String, Long> c = new LinkedHashMap<>(counters);
    c.put("streams", llm.streams());
    c.put("token_events", llm.tokenEvents());
    c.put("input_tokens", llm.inputTokens());
    c.put("output_tokens", llm.outputTokens());
    c.put("cache_hits", llm.cacheHits());
    c.put("cache_lookups", llm.cacheLookups());
    c.put("cost", Math.round(llm.cost() * 1e9));
    c.put("priced_requests", llm.pricedRequests() > 0 ? llm.pricedRequests() : requests());
    c.put("cached_input_tokens", llm.cachedInputTokens());
    c.put("cost_saved", Math.round(llm.costSaved() * 1e9));
    return new EndpointStats(name, method, h, c, statuses, failuresByReason, reasonKinds, samples);
  }

  /** The same endpoint with these answer statuses counted. */
  public EndpointStats with(Map<Integer, Long> statusCounts) {
    return new EndpointStats(name, method, histograms, counters, statusCounts, failuresByReason, reasonKinds, samples);
  }

  /**
   * The endpoint {@code e} of a snapshot, named.
   *
   * @param samples (endpoint id, reason id) to the first message seen, or null
   */
  public static EndpointStats of(IntervalSnapshot s, int e, Names names, BiFunction<Integer, Integer, String> samples) {
    Names.Endpoint ep = names.endpoint(e);
    Measures measures = names.measures();
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    for (int m = 0; m < s.histogramCount(); m++) {
      Histogram h = s.histogram(e, m);
      if (h != null) histograms.put(measures.histogram(m).key(), h.copy()); // present, even empty: measured here
    }
    Map<String, Long> counters = new LinkedHashMap<>();
    for (int c = 0; c < s.counterCount(); c++) if (s.counter(e, c) != 0) counters.put(measures.counter(c).key(), s.counter(e, c));
    Map<Integer, Long> statuses = new TreeMap<>();
    for (int code = 0; code < IntervalSnapshot.STATUSES; code++) if (s.statusCount(e, code) > 0) statuses.put(code, s.statusCount(e, code));
    Map<String, Long> reasons = new LinkedHashMap<>();
    Map<String, FailureKind> kinds = new LinkedHashMap<>();
    Map<String, String> firsts = new LinkedHashMap<>();
    for (int r = 0; r < s.reasonCapacity(); r++) {
      long n = s.reasonCount(e, r);
      Names.Reason reason = names.reason(r);
      if (n == 0 || reason == null) continue;
      reasons.merge(reason.name(), n, Long::sum);
      kinds.put(reason.name(), reason.kind());
      String sample = samples == null ? null : samples.apply(e, r);
      if (sample != null) firsts.putIfAbsent(reason.name(), sample);
    }
    return new EndpointStats(ep.name(), ep.method(), histograms, counters, statuses, reasons, kinds, firsts);
  }

  /** A transaction (group): timed end to end, kept out of request totals. */
  public boolean isGroup() {
    return Names.GROUP.equals(method);
  }

  public long count(String counter) {
    return counters.getOrDefault(counter, 0L);
  }

  /** The histogram of a measure, or null when the endpoint recorded none. */
  public Histogram histogram(String measure) {
    return histograms.get(measure);
  }

  /** Whether the endpoint recorded any value of a histogram measure. */
  public boolean has(String measure) {
    Histogram h = histograms.get(measure);
    return h != null && h.getTotalCount() > 0;
  }

  public long requests() {
    return count("requests");
  }

  public long failures() {
    return count("failures");
  }

  public long bytesSent() {
    return count("bytes_sent");
  }

  public long bytesReceived() {
    return count("bytes_received");
  }

  /** Microseconds. */
  public Histogram latency() {
    return histograms.get("latency");
  }

  /** Open model only (else null): latencies from the actual send. */
  public Histogram uncorrected() {
    return histograms.get("uncorrected");
  }

  /** Answers with a status in {@code [from, to)}. */
  public long statuses(int from, int to) {
    long n = 0;
    for (var s : statuses.entrySet()) if (s.getKey() >= from && s.getKey() < to) n += s.getValue();
    return n;
  }

  /** Failures of one kind. */
  public long failures(FailureKind kind) {
    long n = 0;
    for (var r : failuresByReason.entrySet()) if (reasonKinds.get(r.getKey()) == kind) n += r.getValue();
    return n;
  }

  public FailureKind kindOf(String reason) {
    return reasonKinds.get(reason);
  }

  /** The streaming and token figures, for an endpoint that tracks its answers; else null. */
  public LlmStats llm() {
    return LlmStats.of(this);
  }

  public LatencySummary summary() {
    return LatencySummary.of(latency());
  }

  /** The figures of a histogram measure, read in its own unit (milliseconds, tokens per second). */
  public LatencySummary summary(String measure) {
    Histogram h = histograms.get(measure);
    return h == null ? LatencySummary.EMPTY : LatencySummary.of(h);
  }

  public double errorRatePercent() {
    return requests() == 0 ? 0 : 100.0 * failures() / requests();
  }

  /** A counter read in its unit: dollars for cost. */
  public double readable(Measure counter) {
    return counter.readable(count(counter.key()));
  }

  /** The run's total: every request, but not the groups (their requests are already counted). */
  public static EndpointStats total(List<EndpointStats> endpoints) {
    return merge("Total", "", endpoints.stream().filter(e -> !e.isGroup()).toList());
  }

  /** Several endpoints as one: counters summed, histograms added exactly, never averaged. */
  public static EndpointStats merge(String name, String method, List<EndpointStats> parts) {
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    histograms.put("latency", new Histogram(3));
    boolean allUncorrected = !parts.isEmpty() && parts.stream().allMatch(p -> p.uncorrected() != null);
    Map<String, Long> counters = new LinkedHashMap<>();
    Map<Integer, Long> statuses = new TreeMap<>();
    Map<String, Long> reasons = new LinkedHashMap<>();
    Map<String, FailureKind> kinds = new LinkedHashMap<>();
    Map<String, String> samples = new LinkedHashMap<>();
    for (EndpointStats p : parts) {
      p.histograms.forEach((k, h) -> {
        if (!k.equals("uncorrected") || allUncorrected) histograms.computeIfAbsent(k, x -> new Histogram(3)).add(h);
      });
      p.counters.forEach((k, v) -> counters.merge(k, v, Long::sum));
      p.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
      p.failuresByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
      kinds.putAll(p.reasonKinds);
      p.samples.forEach(samples::putIfAbsent);
    }
    return new EndpointStats(name, method, histograms, counters, statuses, reasons, kinds, samples);
  }

  private static Map<String, Long> sortByCount(Map<String, Long> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(out);
  }
}
