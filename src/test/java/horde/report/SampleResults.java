package horde.report;

import horde.criteria.CriterionResult;
import horde.criteria.Findings;
import horde.criteria.Verdict;
import horde.result.PhaseResult;
import horde.result.RunResult;
import horde.scenario.Measures;
import horde.scenario.SourcePosition;
import horde.scenario.Threshold;
import horde.scenario.ThresholdParser;
import horde.stats.EndpointStats;
import horde.stats.LlmStats;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/** Results made in code for the reporters' tests and benchmark: same input, same output, every time. */
public final class SampleResults {
  private SampleResults() {}

  /** A small run: two endpoints, one with failures, four seconds (one of warm-up), four criteria. */
  public static RunResult small() {
    Histogram chat = new Histogram(3);
    for (int i = 1; i <= 100; i++) chat.recordValue(1_000_000L + i * 10_000L);
    Histogram search = new Histogram(3);
    for (int i = 1; i <= 300; i++) search.recordValue(2_000L + i * 50L);
    Map<String, Long> reasons = new LinkedHashMap<>();
    reasons.put("HTTP 429", 6L);
    reasons.put("check failed: $.answer present", 2L);
    EndpointStats a = EndpointStats.of("/v1/chat/completions", "POST", 100, 8, 40_000, 250_000, chat, reasons,
        ordered("HTTP 429", "HTTP 429: {\"error\":{\"message\":\"overloaded, retry later\"}}",
            "check failed: $.answer present", "no $.answer in {\"id\":1}"));
    EndpointStats b = EndpointStats.of("/api/rag/search", "POST", 300, 0, 60_000, 900_000, search, Map.of(), Map.of());
    List<EndpointStats> endpoints = List.of(a, b);
    List<TimelinePoint> timeline = List.of(
        new TimelinePoint(1, 5, 60, 0, 60, 3.1, 1100, 1200, true),
        new TimelinePoint(2, 10, 130, 2, 130, 3.0, 1150, 1180, false),
        new TimelinePoint(3, 10, 140, 6, 140, 2.9, 1190, 1200, false),
        new TimelinePoint(3.5, 10, 70, 0, 140, 2.8, 1050, 1100, false));
    RunStats stats = new RunStats(0, 3.5, 1, 2.5, endpoints, EndpointStats.merge("Total", "", endpoints), timeline, 0, false);
    List<CriterionResult> criteria = List.of(
        new CriterionResult(t("p95 < 2s", null, Threshold.Level.FAIL), 1_100.351, true),
        new CriterionResult(t("error_rate < 1%", null, Threshold.Level.FAIL), 2.0, false),
        new CriterionResult(t("p99 < 50ms", "/api/rag/search", Threshold.Level.WARN), 16.9, true),
        new CriterionResult(t("p95 < 1s", "/v1/chat/completions", Threshold.Level.WARN), 1_960.0, false),
        new CriterionResult(t("p50 < 10ms", "/missing", Threshold.Level.FAIL), Double.NaN, false));
    Map<String, String> scenario = new LinkedHashMap<>();
    scenario.put("name", "chat-assistant");
    scenario.put("file", "examples/chat.yaml");
    scenario.put("target", "http://127.0.0.1:8000");
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("model", "closed");
    settings.put("users", 10);
    settings.put("warmup", "1s");
    return RunResult.builder(stats).hordeVersion("0.1.0").scenario(scenario).settings(settings)
        .environment(ordered("cpus", 2, "java", "25.0.3")).startedAt("2026-11-22T10:00:00.250Z").criteria(criteria)
        .verdict(Verdict.FAIL).findings(Findings.of(stats, settings)).build();
  }

  /** A run that ended before any answer: no timeline, no latencies, one criterion without data. */
  public static RunResult empty() {
    EndpointStats e = EndpointStats.of("/x", "GET", 0, 0, 0, 0, new Histogram(3), Map.of(), Map.of());
    RunStats stats = new RunStats(0, 0.2, 0, 0.2, List.of(e), EndpointStats.merge("Total", "", List.of(e)), List.of(), 0, true);
    CriterionResult noData = new CriterionResult(t("p95 < 1s", null, Threshold.Level.FAIL), Double.NaN, false);
    return RunResult.builder(stats).hordeVersion("0.1.0")
        .scenario(ordered("name", "empty", "target", "http://127.0.0.1:1")).startedAt("2026-11-22T10:00:00Z")
        .criteria(List.of(noData)).verdict(Verdict.FAIL).findings(Findings.of(stats, Map.of())).build();
  }

  static Threshold t(String expr, String endpoint, Threshold.Level level) {
    return ThresholdParser.parse(expr, endpoint, level, SourcePosition.UNKNOWN);
  }

  /**
   * A long run: {@code seconds} timeline points ramping to 200 users, {@code endpoints} endpoints
   * with log-normal-ish latencies (a million or so requests in all) and a few failure reasons. Every
   * fifth endpoint streams (TTFT, ITL, tokens, cache hits, cost, and each second's streaming
   * figures), the last one is a transaction, and the run is four phases of a quarter each, every
   * phase with its own endpoints, histograms, criteria and grade.
   */
  public static RunResult long_(int seconds, int endpointCount) {
    Random random = new Random(7);
    List<EndpointStats> endpoints = new ArrayList<>();
    for (int e = 0; e < endpointCount; e++) endpoints.add(endpoint(random, e, e == endpointCount - 1 && e > 0));
    List<TimelinePoint> timeline = new ArrayList<>();
    for (int t = 1; t <= seconds; t++) {
      int users = Math.min(200, t / 3 + 1);
      double p95 = 40 + users * (1 + random.nextDouble() * 0.2);
      long requests = 250 + random.nextInt(50);
      TimelinePoint.LlmPoint llm = new TimelinePoint.LlmPoint(150 + users, 180 + users * 1.5, 200 + users * 2,
          20 + random.nextDouble(), 30 + random.nextDouble() * 5, 400 + random.nextInt(100), 20 + random.nextInt(20));
      timeline.add(new TimelinePoint(t, users, requests, t % 97 == 0 ? 12 : 0, requests, p95 / 3, p95, p95 * 1.4, 0, t <= 60, llm));
    }
    RunStats stats = new RunStats(0, seconds, 60, seconds - 60, endpoints, EndpointStats.total(endpoints), timeline, 0, false);
    List<CriterionResult> criteria = List.of(new CriterionResult(t("p95 < 2s", null, Threshold.Level.FAIL), 250, true),
        new CriterionResult(t("error_rate < 1%", null, Threshold.Level.FAIL), 0.05, true));
    List<PhaseResult> phases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      double length = seconds / 4.0, warmup = i == 0 ? Math.min(60, length / 4) : 0;
      RunStats part = new RunStats(0, length, warmup, length - warmup, endpoints,
          EndpointStats.total(endpoints), List.of(), 0, false);
      phases.add(new PhaseResult((50 * (i + 1)) + " users", ordered("model", "closed", "users", 50 * (i + 1)), i * length,
          part, List.of(new CriterionResult(t("p95 < 2s", null, Threshold.Level.FAIL), 200 + 20 * i, true),
              new CriterionResult(t("ttft_p95 < 500ms", null, Threshold.Level.WARN), 300 + 100 * i, i < 2)),
          i < 2 ? "GOOD" : "ACCEPTABLE", i < 2 ? Verdict.PASS : Verdict.WARN));
    }
    Map<String, Object> settings = ordered("model", "closed", "users", 200, "run_time", "1h");
    return RunResult.builder(stats).hordeVersion("0.1.0")
        .scenario(ordered("name", "soak", "file", "soak.yaml", "target", "http://127.0.0.1:8000")).settings(settings)
        .environment(ordered("cpus", 2)).startedAt("2026-11-22T10:00:00Z").criteria(criteria).verdict(Verdict.WARN)
        .phases(phases).grade("GOOD").findings(Findings.of(stats, settings)).build();
  }

  private static EndpointStats endpoint(Random random, int e, boolean group) {
    Histogram h = new Histogram(3);
    double base = 2_000 * (1 + e);
    for (int i = 0; i < 50_000; i++) h.recordValue((long) (base * Math.exp(random.nextGaussian() * 0.8)) + 100);
    Map<String, Long> reasons = e % 4 == 0 ? ordered("HTTP 503", 40L + e, "timeout", 3L) : Map.of();
    Map<String, String> samples = e % 4 == 0 ? ordered("HTTP 503", "HTTP 503: busy", "timeout", "no answer in 30s") : Map.of();
    LlmStats llm = !group && e % 5 == 0 ? llm(random) : null;
    EndpointStats out = EndpointStats.of(group ? "checkout flow" : "/api/resource" + e + "/[id]",
        group ? "GROUP" : e % 3 == 0 ? "POST" : "GET", 50_000, reasons.values().stream().mapToLong(Long::longValue).sum(),
        10_000_000, 40_000_000, h, reasons, samples);
    return llm == null ? out : out.with(llm);
  }

  /** Streaming figures of 50,000 answers: TTFT near 200 ms, gaps near 20 ms, about 60 tokens each. */
  private static LlmStats llm(Random random) {
    Histogram ttfb = new Histogram(3), ttft = new Histogram(3), itl = new Histogram(3), tpot = new Histogram(3), rate = new Histogram(3);
    for (int i = 0; i < 50_000; i++) {
      long first = (long) (200_000 * Math.exp(random.nextGaussian() * 0.5));
      ttfb.recordValue(first / 4);
      ttft.recordValue(first);
      for (int k = 0; k < 4; k++) itl.recordValue((long) (20_000 * Math.exp(random.nextGaussian() * 0.2)));
      tpot.recordValue((long) (20_000 * Math.exp(random.nextGaussian() * 0.05)));
      rate.recordValue((long) (45_000 * Math.exp(random.nextGaussian() * 0.1)));
    }
    return new LlmStats(ttfb, ttft, itl, tpot, rate, 50_000, 3_000_000, 2_500_000, 3_000_000, 15_000, 50_000, 2.17);
  }

  /**
   * 30 seconds of two endpoints recorded through the real recorder, with their per-second
   * intervals: a fast GET and a POST refused with 429 in a third of its answers.
   */
  public static RunResult withIntervals() {
    Measures m = Measures.BUILT_IN;
    var names = new horde.stats.Names(List.of(new horde.stats.Names.Endpoint("/fast", "GET"),
        new horde.stats.Names.Endpoint("/ask", "POST")), List.of(), m);
    var shape = new horde.record.IntervalSnapshot(2, m.histogramCount(), m.counterCount(), 512);
    var loop = new horde.record.LoopRecorder(shape, new horde.record.Samples(2, 512));
    var total = shape.emptyCopy();
    List<horde.stats.Interval> intervals = new ArrayList<>();
    List<TimelinePoint> timeline = new ArrayList<>();
    Random random = new Random(7);
    for (int t = 1; t <= 30; t++) {
      for (int i = 0; i < 200; i++) {
        loop.request(0, 200, -1, (long) (2e6 * Math.exp(random.nextGaussian() * 0.4)), 100, 300, 120);
      }
      for (int i = 0; i < 60; i++) {
        boolean refused = i % 3 == 0;
        loop.request(1, refused ? 429 : 200, -1, refused ? 500_000 : (long) (4e8 * Math.exp(random.nextGaussian() * 0.3)),
            400, 900, refused ? 40 : 700);
      }
      var second = shape.emptyCopy();
      loop.drainInto(second);
      total.add(second);
      intervals.add(new horde.stats.Interval(t, 1, 20, 20, 0, false,
          List.of(horde.stats.Slice.of(second, 0), horde.stats.Slice.of(second, 1)), null));
      Histogram all = new Histogram(3);
      all.add(second.histogram(0, Measures.LATENCY));
      all.add(second.histogram(1, Measures.LATENCY));
      timeline.add(new TimelinePoint(t, 20, 260, 0, 260, all.getValueAtPercentile(50) / 1000.0,
          all.getValueAtPercentile(95) / 1000.0, all.getValueAtPercentile(99) / 1000.0, false));
    }
    List<EndpointStats> endpoints = List.of(EndpointStats.of(total, 0, names, null), EndpointStats.of(total, 1, names, null));
    RunStats stats = new RunStats(0, 30, 0, 30, endpoints, EndpointStats.total(endpoints), timeline, 0, false, 0,
        intervals, names);
    return RunResult.builder(stats).hordeVersion("test").scenario(ordered("name", "intervals", "target",
        "http://127.0.0.1:1")).startedAt("2026-12-05T00:00:00Z").findings(Findings.of(stats, Map.of())).build();
  }

  /**
   * A map in the order written: {@code Map.of}'s order changes from one JVM to the next, and so would
   * the files made from these results.
   */
  @SuppressWarnings("unchecked")
  static <V> Map<String, V> ordered(Object... keysAndValues) {
    Map<String, V> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
    return m;
  }
}
