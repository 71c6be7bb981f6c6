package horde.result;

import horde.criteria.CriterionResult;
import horde.criteria.Finding;
import horde.criteria.Findings;
import horde.criteria.Verdict;
import horde.scenario.FailureKind;
import horde.scenario.SourcePosition;
import horde.scenario.Threshold;
import horde.scenario.ThresholdParser;
import horde.stats.EndpointStats;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import horde.stats.Interval;
import horde.stats.Names;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a result file back into a {@link RunResult}, histograms and all. */
public final class ResultReader {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ResultReader() {}

  public static RunResult read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(file);
    } catch (JacksonException e) {
      throw new IOException(file + " is not a Horde result file: " + e.getOriginalMessage());
    }
    if (!root.has("horde_version") || !root.has("histograms"))
      throw new IOException(file + " is not a Horde result file (no horde_version or histograms)");
    int version = root.path("format_version").asInt(0);
    if (version < 1 || version > ResultJson.FORMAT_VERSION)
      throw new IOException(file + " has result format " + root.path("format_version") + "; this Horde reads formats 1 to "
          + ResultJson.FORMAT_VERSION + (version > ResultJson.FORMAT_VERSION ? " (it was written by a newer Horde)" : ""));
    return fromJson(root);
  }

  public static RunResult fromJson(JsonNode root) {
    RunStats stats = stats(root, timeline(root), IntervalsJson.read(root.path("intervals")),
        IntervalsJson.names(root.path("intervals")));
    List<PhaseResult> phases = new ArrayList<>();
    for (JsonNode p : root.path("phases")) {
      RunStats s = stats(p, List.of(), List.of(), null);
      phases.add(new PhaseResult(p.path("name").asString(), objects(p.path("settings")), p.path("start_s").asDouble(), s,
          criteria(p.path("criteria")), text(p.path("grade")), verdict(p)));
    }
    List<String> notes = new ArrayList<>();
    root.path("notes").forEach(n -> notes.add(n.asString()));
    Map<String, Object> settings = objects(root.path("settings"));
    // Files written before findings existed get them computed, as at the end of a run.
    List<Finding> findings = root.has("findings") ? findings(root.path("findings")) : Findings.of(stats, settings);
    return RunResult.builder(stats).hordeVersion(root.path("horde_version").asString())
        .scenario(strings(root.path("scenario"))).settings(settings).environment(objects(root.path("environment")))
        .startedAt(root.path("started_at").asString()).criteria(criteria(root.path("criteria"))).verdict(verdict(root))
        .phases(phases).grade(text(root.path("grade"))).notes(notes).findings(findings)
        .target(TargetJson.read(root.path("target"))).search(SearchJson.read(root.path("search"))).build();
  }

  private static Verdict verdict(JsonNode o) {
    return Verdict.valueOf(o.path("verdict").asString("pass").toUpperCase(Locale.ROOT));
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asString();
  }

  private static List<CriterionResult> criteria(JsonNode list) {
    List<CriterionResult> out = new ArrayList<>();
    for (JsonNode c : list) out.add(criterion(c));
    return out;
  }

  private static List<TimelinePoint> timeline(JsonNode root) {
    List<TimelinePoint> timeline = new ArrayList<>();
    for (JsonNode p : root.path("timeline")) {
      timeline.add(new TimelinePoint(p.path("t").asDouble(), p.path("users").asInt(), p.path("requests").asLong(),
          p.path("failures").asLong(), p.path("rps").asDouble(), p.path("p50_ms").asDouble(),
          p.path("p95_ms").asDouble(), p.path("p99_ms").asDouble(), p.path("dropped").asLong(), p.path("warmup").asBoolean(false),
          LlmJson.point(p), p.path("peak_users").asInt(p.path("users").asInt()), IntervalsJson.health(p.path("generator"))));
    }
    return timeline;
  }

  /** The measured window of the whole run or of one phase. */
  private static RunStats stats(JsonNode root, List<TimelinePoint> timeline, List<Interval> intervals, Names names) {
    JsonNode histograms = root.path("histograms");
    JsonNode uncorrected = root.path("histograms_uncorrected");
    JsonNode more = root.has("histograms_by_measure") ? root.path("histograms_by_measure") : root.path("histograms_llm");
    List<EndpointStats> endpoints = new ArrayList<>();
    for (JsonNode e : root.path("endpoints")) {
      String key = e.path("method").asString() + " " + e.path("name").asString();
      Map<String, Histogram> h = new LinkedHashMap<>();
      h.put("latency", histograms.has(key) ? HistogramCodec.decode(histograms.path(key).asString()) : new Histogram(3));
      if (uncorrected.has(key)) h.put("uncorrected", HistogramCodec.decode(uncorrected.path(key).asString()));
      more.path(key).properties().forEach(m -> h.put(m.getKey(), HistogramCodec.decode(m.getValue().asString())));
      endpoints.add(new EndpointStats(e.path("name").asString(), e.path("method").asString(), h, counters(e),
          statuses(e.path("statuses")), longs(e.path("failures_by_reason")), kinds(e), strings(e.path("failure_samples"))));
    }
    return new RunStats(epochMillis(root.path("started_at").asString()), root.path("duration_s").asDouble(), root.path("warmup_s").asDouble(),
        root.path("measured_s").asDouble(), endpoints, EndpointStats.total(endpoints), timeline,
        root.path("in_flight_at_end").asLong(), root.path("aborted").asBoolean(false), root.path("dropped_iterations").asLong(),
        intervals, names);
  }

  /** Every counter, by measure: {@code counters} in format 2; the fields and {@code llm} object before it. */
  private static Map<String, Long> counters(JsonNode e) {
    Map<String, Long> out = longs(e.path("counters"));
    for (String k : List.of("requests", "failures", "bytes_sent", "bytes_received")) out.putIfAbsent(k, e.path(k).asLong());
    JsonNode llm = e.path("llm");
    if (!llm.isMissingNode()) {
      for (String k : List.of("streams", "token_events", "input_tokens", "output_tokens", "cache_hits", "cache_lookups")) {
        out.putIfAbsent(k, llm.path(k).asLong());
      }
      out.putIfAbsent("cost", Math.round(llm.path("cost").asDouble() * 1e9));
      // format 1 priced every request of a tracking endpoint (its cost_per_request divided by them all)
      if (llm.path("cost").asDouble() > 0) out.putIfAbsent("priced_requests", out.get("requests"));
    }
    return out;
  }

  private static Map<Integer, Long> statuses(JsonNode o) {
    Map<Integer, Long> m = new LinkedHashMap<>();
    o.properties().forEach(e -> m.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
    return m;
  }

  /** Each reason's kind: {@code failure_kinds} in format 2; told from its name before it. */
  private static Map<String, FailureKind> kinds(JsonNode e) {
    Map<String, FailureKind> m = new LinkedHashMap<>();
    e.path("failure_kinds").properties().forEach(k -> m.put(k.getKey(), FailureKind.parse(k.getValue().asString())));
    e.path("failures_by_reason").properties().forEach(r -> m.putIfAbsent(r.getKey(), FailureKind.ofLegacyName(r.getKey())));
    return m;
  }

  private static List<Finding> findings(JsonNode array) {
    List<Finding> out = new ArrayList<>();
    for (JsonNode f : array) {
      double at = f.path("at_s").isNumber() ? f.path("at_s").asDouble() : Double.NaN;
      out.add(new Finding(f.path("kind").asString(), Finding.Level.valueOf(f.path("level").asString("info")
          .toUpperCase(Locale.ROOT)), f.path("text").asString(), at));
    }
    return out;
  }

  private static CriterionResult criterion(JsonNode c) {
    String endpoint = c.path("endpoint").isNull() || c.path("endpoint").isMissingNode() ? null : c.path("endpoint").asString();
    Threshold.Level level = Threshold.Level.valueOf(c.path("level").asString("fail").toUpperCase(Locale.ROOT));
    Threshold t = ThresholdParser.parse(c.path("expression").asString(), endpoint, level, SourcePosition.UNKNOWN);
    double actual = c.path("actual").isNumber() ? c.path("actual").asDouble() : Double.NaN;
    JsonNode interval = c.path("interval");
    if (interval.size() == 2) {
      return new CriterionResult(t, actual, c.path("passed").asBoolean(), interval.get(0).asDouble(), interval.get(1).asDouble());
    }
    return new CriterionResult(t, actual, c.path("passed").asBoolean());
  }

  private static Map<String, Long> longs(JsonNode o) {
    Map<String, Long> m = new LinkedHashMap<>();
    o.properties().forEach(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }

  private static Map<String, String> strings(JsonNode o) {
    Map<String, String> m = new LinkedHashMap<>();
    o.properties().forEach(e -> m.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString()));
    return m;
  }

  private static Map<String, Object> objects(JsonNode o) {
    Map<String, Object> m = new LinkedHashMap<>();
    o.properties().forEach(e -> m.put(e.getKey(), MAPPER.convertValue(e.getValue(), Object.class)));
    return m;
  }

  /** The run's start as written (an ISO instant), 0 when a file has none or cannot say. */
  private static long epochMillis(String startedAt) {
    try {
      return Instant.parse(startedAt).toEpochMilli();
    } catch (DateTimeException e) {
      return 0;
    }
  }
}
