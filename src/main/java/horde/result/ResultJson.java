package horde.result;

import horde.criteria.CriterionResult;
import horde.criteria.Finding;
import horde.criteria.GeneratorHealth;
import horde.record.Health;
import horde.scenario.Measure;
import horde.scenario.Measures;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link RunResult} as the canonical JSON result file (see docs/result-format.md); {@link
 * ResultReader} reads it back.
 */
public final class ResultJson {
  public static final int FORMAT_VERSION = 2;
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ResultJson() {}

  public static void write(RunResult r, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r)) + "\n");
  }

  public static ObjectNode toJson(RunResult r) {
    RunStats s = r.stats();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("horde_version", r.hordeVersion());
    putMap(root.putObject("scenario"), r.scenario());
    putMap(root.putObject("settings"), r.settings());
    putMap(root.putObject("environment"), r.environment());
    root.put("started_at", r.startedAt());
    root.put("duration_s", s.runSeconds());
    root.put("warmup_s", s.warmupSeconds());
    root.put("measured_s", s.measuredSeconds());
    root.put("verdict", r.verdict().lower());
    if (r.grade() != null) root.put("grade", r.grade());
    root.put("aborted", s.aborted());
    root.put("in_flight_at_end", s.cancelledInFlight());
    // A run whose phases mix models is not open as a whole, but its open phases may have dropped.
    if (s.open() || s.droppedIterations() > 0) root.put("dropped_iterations", s.droppedIterations());
    r.notes().forEach(root.withArray("notes")::add);
    measured(root, s);
    timeline(root.putArray("timeline"), s);
    if (!s.intervals().isEmpty() && s.names() != null) root.putRawValue("intervals", IntervalsJson.raw(s));
    criteria(root.putArray("criteria"), r.criteria());
    findings(root.putArray("findings"), r);
    generator(root, s);
    TargetJson.write(root, r.target(), s);
    SearchJson.write(root, r.search());
    if (!r.phases().isEmpty()) {
      ArrayNode phases = root.putArray("phases");
      for (PhaseResult p : r.phases()) phase(phases.addObject(), p);
    }
    return root;
  }

  private static void phase(ObjectNode o, PhaseResult p) {
    RunStats s = p.stats();
    o.put("name", p.name());
    putMap(o.putObject("settings"), p.settings());
    o.put("start_s", p.startSeconds());
    o.put("duration_s", s.runSeconds());
    o.put("warmup_s", s.warmupSeconds());
    o.put("measured_s", s.measuredSeconds());
    o.put("verdict", p.verdict().lower());
    if (p.grade() != null) o.put("grade", p.grade());
    o.put("in_flight_at_end", s.cancelledInFlight());
    if (s.open()) o.put("dropped_iterations", s.droppedIterations());
    measured(o, s);
    criteria(o.putArray("criteria"), p.criteria());
  }

  /** Summary, endpoints and histograms of a measured window: the whole run's, or a phase's. */
  private static void measured(ObjectNode root, RunStats s) {
    stats(root.putObject("summary"), s.total(), s.rps(s.total()));
    ArrayNode endpoints = root.putArray("endpoints");
    for (EndpointStats e : s.endpoints()) stats(endpoints.addObject(), e, s.rps(e));
    ObjectNode histograms = root.putObject("histograms");
    histograms.put("unit", "us");
    for (EndpointStats e : s.endpoints()) histograms.put(e.method() + " " + e.name(), HistogramCodec.encode(e.latency()));
    if (s.open()) {
      ObjectNode uncorrected = root.putObject("histograms_uncorrected");
      uncorrected.put("unit", "us");
      for (EndpointStats e : s.endpoints()) uncorrected.put(e.method() + " " + e.name(), HistogramCodec.encode(e.uncorrected()));
    }
    ObjectNode more = null;
    for (EndpointStats e : s.endpoints()) {
      for (var h : e.histograms().entrySet()) {
        if (h.getKey().equals("latency") || h.getKey().equals("uncorrected")) continue;
        if (more == null) more = root.putObject("histograms_by_measure");
        more.withObject(e.method() + " " + e.name()).put(h.getKey(), HistogramCodec.encode(h.getValue()));
      }
    }
  }

  private static void stats(ObjectNode o, EndpointStats e, double rps) {
    if (!e.method().isEmpty()) {
      o.put("name", e.name());
      o.put("method", e.method());
    }
    o.put("requests", e.requests());
    o.put("failures", e.failures());
    o.put("error_rate", round(e.errorRatePercent()));
    o.put("rps", round(rps));
    o.put("bytes_sent", e.bytesSent());
    o.put("bytes_received", e.bytesReceived());
    latency(o.putObject("latency_ms"), e.summary());
    if (e.uncorrected() != null) latency(o.putObject("latency_uncorrected_ms"), LatencySummary.of(e.uncorrected()));
    if (e.llm() != null) LlmJson.write(o.putObject("llm"), e.llm(), e.requests());
    ObjectNode statuses = o.putObject("statuses");
    e.statuses().forEach((code, n) -> statuses.put(String.valueOf(code), n));
    ObjectNode counters = o.putObject("counters");
    for (Measure m : Measures.BUILT_IN.counters()) if (e.count(m.key()) != 0) counters.put(m.key(), e.count(m.key()));
    e.counters().forEach((k, v) -> { if (!counters.has(k) && v != 0) counters.put(k, v); });
    ObjectNode reasons = o.putObject("failures_by_reason");
    e.failuresByReason().forEach(reasons::put);
    ObjectNode kinds = o.putObject("failure_kinds");
    e.reasonKinds().forEach((k, v) -> kinds.put(k, v.lower()));
    ObjectNode samples = o.putObject("failure_samples");
    e.samples().forEach(samples::put);
  }

  static void latency(ObjectNode o, LatencySummary l) {
    o.put("min", l.min());
    o.put("avg", l.avg());
    o.put("p50", l.p50());
    o.put("p90", l.p90());
    o.put("p95", l.p95());
    o.put("p99", l.p99());
    o.put("p999", l.p999());
    o.put("max", l.max());
  }

  private static void timeline(ArrayNode out, RunStats s) {
    for (TimelinePoint p : s.timeline()) {
      ObjectNode o = out.addObject();
      o.put("t", p.t());
      o.put("users", p.users());
      o.put("requests", p.requests());
      o.put("rps", p.rps());
      o.put("failures", p.failures());
      o.put("p50_ms", p.p50());
      o.put("p95_ms", p.p95());
      o.put("p99_ms", p.p99());
      if (s.open() || p.dropped() > 0) o.put("dropped", p.dropped());
      if (p.llm() != null) LlmJson.write(o, p.llm());
      if (p.peakUsers() > p.users()) o.put("peak_users", p.peakUsers());
      if (p.health() != null) IntervalsJson.health(o.putObject("generator"), p.health());
      if (p.warmup()) o.put("warmup", true);
    }
  }

  private static void criteria(ArrayNode out, List<CriterionResult> criteria) {
    for (CriterionResult c : criteria) {
      ObjectNode o = out.addObject();
      o.put("expression", c.threshold().expression());
      if (c.threshold().endpoint() == null) o.putNull("endpoint");
      else o.put("endpoint", c.threshold().endpoint());
      o.put("level", c.threshold().level().name().toLowerCase(Locale.ROOT));
      if (c.noData()) o.putNull("actual");
      else o.put("actual", Math.abs(c.actual()) >= 1 ? round(c.actual()) : significant(c.actual()));
      if (c.estimated()) o.putArray("interval").add(round(c.low())).add(round(c.high()));
      o.put("passed", c.passed());
    }
  }

  /** The generator's own health over the run, and the seconds where it distorted the figures. */
  private static void generator(ObjectNode root, RunStats s) {
    List<Health> health = s.timeline().stream().map(TimelinePoint::health).filter(h -> h != null).toList();
    if (health.isEmpty()) return;
    ObjectNode g = root.putObject("generator");
    List<GeneratorHealth.Problem> problems = GeneratorHealth.problems(s);
    g.put("distorted", !problems.isEmpty());
    ObjectNode affected = g.putObject("affected_seconds");
    problems.forEach(p -> affected.put(p.kind(), GeneratorHealth.ranges(p.seconds())));
    g.put("loop_lag_p99_ms_max", health.stream().mapToDouble(Health::loopLagP99Ms).max().orElse(0));
    g.put("cpu_percent_max", health.stream().mapToDouble(Health::cpuPercent).max().orElse(0));
    g.put("gc_pause_ms_total", round(health.stream().mapToDouble(Health::gcPauseMs).sum()));
    g.put("open_files_max", health.stream().mapToLong(Health::openFiles).max().orElse(-1));
    g.put("max_files", health.get(health.size() - 1).maxFiles());
    g.put("pool_waits", health.stream().mapToLong(Health::poolWaits).sum());
  }

  private static void findings(ArrayNode out, RunResult r) {
    for (Finding f : r.findings()) {
      ObjectNode o = out.addObject();
      o.put("kind", f.kind());
      o.put("level", f.level().lower());
      o.put("text", f.text());
      if (f.hasTime()) o.put("at_s", f.atSeconds());
      else o.putNull("at_s");
    }
  }

  private static void putMap(ObjectNode o, Map<String, ?> m) {
    m.forEach((k, v) -> o.set(k, MAPPER.valueToTree(v)));
  }

  /** Six significant digits, for small values that thousandths would flatten to 0 (a cost per request in dollars). */
  static double significant(double v) {
    return v == 0 ? 0 : new BigDecimal(v).round(new MathContext(6)).doubleValue();
  }

  static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
