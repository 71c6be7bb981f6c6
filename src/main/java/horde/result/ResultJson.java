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
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link RunResult} as the canonical JSON result file (see docs/result-format.md); {@link
 * ResultReader} reads it back.
 *
 * <p>Written token by token with Jackson's generator rather than built as a tree: a run's end then
 * starts no object mapper (whose date format asks the JDK for every locale) and no tree number
 * (whose class starts {@code BigDecimal}, 5^65,536 squared out on JDK 25), about a tenth of a
 * CPU-second of every run's end with the compilation they bring.
 */
public final class ResultJson {
  public static final int FORMAT_VERSION = 2;
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectWriteContext INDENTED = new ObjectWriteContext.Base() {
    @Override
    public PrettyPrinter getPrettyPrinter() {
      return new DefaultPrettyPrinter();
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  };

  private ResultJson() {}

  public static void write(RunResult r, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, text(r));
  }

  /** The result file's text: indented for people, but for its compact per-second intervals. */
  public static String text(RunResult r) {
    return json(true, g -> result(g, r)) + "\n";
  }

  /** The same on one line, as the history keeps it. */
  public static String compact(RunResult r) {
    return json(false, g -> result(g, r));
  }

  /** The result as a tree, for a caller that goes on to read or change it. */
  public static ObjectNode toJson(RunResult r) {
    return (ObjectNode) ResultReader.MAPPER.readTree(compact(r));
  }

  /**
   * The verdict, grade, criteria and notes as the result file words them, without the rest (the
   * live UI shows these every second once a run has ended).
   */
  public static ObjectNode verdict(RunResult r) {
    return (ObjectNode) ResultReader.MAPPER.readTree(json(false, g -> {
      g.writeStartObject();
      g.writeStringProperty("verdict", r.verdict().lower());
      if (r.grade() != null) g.writeStringProperty("grade", r.grade());
      criteria(g, r.criteria());
      value(g.writeName("notes"), r.notes());
      g.writeEndObject();
    }));
  }

  /** One JSON value, written by {@code body} with a generator of its own. */
  static String json(boolean indented, Consumer<JsonGenerator> body) {
    StringWriter out = new StringWriter(4096);
    try (JsonGenerator g = FACTORY.createGenerator(indented ? INDENTED : ObjectWriteContext.empty(), out)) {
      body.accept(g);
    }
    return out.toString();
  }

  private static void result(JsonGenerator g, RunResult r) {
    RunStats s = r.stats();
    g.writeStartObject();
    g.writeNumberProperty("format_version", FORMAT_VERSION);
    g.writeStringProperty("horde_version", r.hordeVersion());
    map(g, "scenario", r.scenario());
    map(g, "settings", r.settings());
    map(g, "environment", r.environment());
    g.writeStringProperty("started_at", r.startedAt());
    g.writeNumberProperty("duration_s", s.runSeconds());
    g.writeNumberProperty("warmup_s", s.warmupSeconds());
    g.writeNumberProperty("measured_s", s.measuredSeconds());
    g.writeStringProperty("verdict", r.verdict().lower());
    if (r.grade() != null) g.writeStringProperty("grade", r.grade());
    g.writeBooleanProperty("aborted", s.aborted());
    g.writeNumberProperty("in_flight_at_end", s.cancelledInFlight());
    // A run whose phases mix models is not open as a whole, but its open phases may have dropped.
    if (s.open() || s.droppedIterations() > 0) g.writeNumberProperty("dropped_iterations", s.droppedIterations());
    value(g.writeName("notes"), r.notes());
    measured(g, s);
    timeline(g, s);
    if (!s.intervals().isEmpty() && s.names() != null) g.writeName("intervals").writeRawValue(IntervalsJson.raw(s));
    criteria(g, r.criteria());
    findings(g, r);
    generator(g, s);
    TargetJson.write(g, r.target(), s);
    SearchJson.write(g, r.search());
    if (!r.phases().isEmpty()) {
      g.writeArrayPropertyStart("phases");
      for (PhaseResult p : r.phases()) phase(g, p);
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void phase(JsonGenerator g, PhaseResult p) {
    RunStats s = p.stats();
    g.writeStartObject();
    g.writeStringProperty("name", p.name());
    map(g, "settings", p.settings());
    g.writeNumberProperty("start_s", p.startSeconds());
    g.writeNumberProperty("duration_s", s.runSeconds());
    g.writeNumberProperty("warmup_s", s.warmupSeconds());
    g.writeNumberProperty("measured_s", s.measuredSeconds());
    g.writeStringProperty("verdict", p.verdict().lower());
    if (p.grade() != null) g.writeStringProperty("grade", p.grade());
    g.writeNumberProperty("in_flight_at_end", s.cancelledInFlight());
    if (s.open()) g.writeNumberProperty("dropped_iterations", s.droppedIterations());
    measured(g, s);
    criteria(g, p.criteria());
    g.writeEndObject();
  }

  /** Summary, endpoints and histograms of a measured window: the whole run's, or a phase's. */
  private static void measured(JsonGenerator g, RunStats s) {
    g.writeName("summary");
    stats(g, s.total(), s.rps(s.total()));
    g.writeArrayPropertyStart("endpoints");
    for (EndpointStats e : s.endpoints()) stats(g, e, s.rps(e));
    g.writeEndArray();
    g.writeObjectPropertyStart("histograms");
    g.writeStringProperty("unit", "us");
    for (EndpointStats e : s.endpoints()) g.writeStringProperty(e.method() + " " + e.name(), HistogramCodec.encode(e.latency()));
    g.writeEndObject();
    if (s.open()) {
      g.writeObjectPropertyStart("histograms_uncorrected");
      g.writeStringProperty("unit", "us");
      for (EndpointStats e : s.endpoints()) g.writeStringProperty(e.method() + " " + e.name(), HistogramCodec.encode(e.uncorrected()));
      g.writeEndObject();
    }
    boolean more = false;
    for (EndpointStats e : s.endpoints()) {
      boolean open = false;
      for (var h : e.histograms().entrySet()) {
        if (h.getKey().equals("latency") || h.getKey().equals("uncorrected")) continue;
        if (!more) g.writeObjectPropertyStart("histograms_by_measure");
        if (!open) g.writeObjectPropertyStart(e.method() + " " + e.name());
        more = open = true;
        g.writeStringProperty(h.getKey(), HistogramCodec.encode(h.getValue()));
      }
      if (open) g.writeEndObject();
    }
    if (more) g.writeEndObject();
  }

  private static void stats(JsonGenerator g, EndpointStats e, double rps) {
    g.writeStartObject();
    if (!e.method().isEmpty()) {
      g.writeStringProperty("name", e.name());
      g.writeStringProperty("method", e.method());
    }
    g.writeNumberProperty("requests", e.requests());
    g.writeNumberProperty("failures", e.failures());
    g.writeNumberProperty("error_rate", round(e.errorRatePercent()));
    g.writeNumberProperty("rps", round(rps));
    g.writeNumberProperty("bytes_sent", e.bytesSent());
    g.writeNumberProperty("bytes_received", e.bytesReceived());
    latency(g, "latency_ms", e.summary());
    if (e.uncorrected() != null) latency(g, "latency_uncorrected_ms", LatencySummary.of(e.uncorrected()));
    if (e.llm() != null) LlmJson.write(g, e.llm(), e.requests());
    g.writeObjectPropertyStart("statuses");
    e.statuses().forEach((code, n) -> g.writeNumberProperty(String.valueOf(code), n));
    g.writeEndObject();
    g.writeObjectPropertyStart("counters");
    Set<String> written = new HashSet<>();
    for (Measure m : Measures.BUILT_IN.counters()) {
      if (e.count(m.key()) != 0 && written.add(m.key())) g.writeNumberProperty(m.key(), e.count(m.key()));
    }
    e.counters().forEach((k, v) -> { if (v != 0 && written.add(k)) g.writeNumberProperty(k, v); });
    g.writeEndObject();
    g.writeObjectPropertyStart("failures_by_reason");
    e.failuresByReason().forEach(g::writeNumberProperty);
    g.writeEndObject();
    g.writeObjectPropertyStart("failure_kinds");
    e.reasonKinds().forEach((k, v) -> g.writeStringProperty(k, v.lower()));
    g.writeEndObject();
    g.writeObjectPropertyStart("failure_samples");
    e.samples().forEach(g::writeStringProperty);
    g.writeEndObject();
    g.writeEndObject();
  }

  static void latency(JsonGenerator g, String name, LatencySummary l) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("min", l.min());
    g.writeNumberProperty("avg", l.avg());
    g.writeNumberProperty("p50", l.p50());
    g.writeNumberProperty("p90", l.p90());
    g.writeNumberProperty("p95", l.p95());
    g.writeNumberProperty("p99", l.p99());
    g.writeNumberProperty("p999", l.p999());
    g.writeNumberProperty("max", l.max());
    g.writeEndObject();
  }

  private static void timeline(JsonGenerator g, RunStats s) {
    g.writeArrayPropertyStart("timeline");
    for (TimelinePoint p : s.timeline()) {
      g.writeStartObject();
      g.writeNumberProperty("t", p.t());
      g.writeNumberProperty("users", p.users());
      g.writeNumberProperty("requests", p.requests());
      g.writeNumberProperty("rps", p.rps());
      g.writeNumberProperty("failures", p.failures());
      g.writeNumberProperty("p50_ms", p.p50());
      g.writeNumberProperty("p95_ms", p.p95());
      g.writeNumberProperty("p99_ms", p.p99());
      if (s.open() || p.dropped() > 0) g.writeNumberProperty("dropped", p.dropped());
      if (p.llm() != null) LlmJson.write(g, p.llm());
      if (p.peakUsers() > p.users()) g.writeNumberProperty("peak_users", p.peakUsers());
      if (p.health() != null) IntervalsJson.health(g, "generator", p.health());
      if (p.warmup()) g.writeBooleanProperty("warmup", true);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void criteria(JsonGenerator g, List<CriterionResult> criteria) {
    g.writeArrayPropertyStart("criteria");
    for (CriterionResult c : criteria) {
      g.writeStartObject();
      g.writeStringProperty("expression", c.threshold().expression());
      g.writeStringProperty("endpoint", c.threshold().endpoint());
      g.writeStringProperty("level", c.threshold().level().name().toLowerCase(Locale.ROOT));
      if (c.noData()) g.writeNullProperty("actual");
      else g.writeNumberProperty("actual", Math.abs(c.actual()) >= 1 ? round(c.actual()) : significant(c.actual()));
      if (c.estimated()) {
        g.writeArrayPropertyStart("interval");
        g.writeNumber(round(c.low()));
        g.writeNumber(round(c.high()));
        g.writeEndArray();
      }
      g.writeBooleanProperty("passed", c.passed());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** The generator's own health over the run, and the seconds where it distorted the figures. */
  private static void generator(JsonGenerator g, RunStats s) {
    List<Health> health = s.timeline().stream().map(TimelinePoint::health).filter(h -> h != null).toList();
    if (health.isEmpty()) return;
    g.writeObjectPropertyStart("generator");
    List<GeneratorHealth.Problem> problems = GeneratorHealth.problems(s);
    g.writeBooleanProperty("distorted", !problems.isEmpty());
    g.writeObjectPropertyStart("affected_seconds");
    problems.forEach(p -> g.writeStringProperty(p.kind(), GeneratorHealth.ranges(p.seconds())));
    g.writeEndObject();
    g.writeNumberProperty("loop_lag_p99_ms_max", health.stream().mapToDouble(Health::loopLagP99Ms).max().orElse(0));
    g.writeNumberProperty("cpu_percent_max", health.stream().mapToDouble(Health::cpuPercent).max().orElse(0));
    g.writeNumberProperty("gc_pause_ms_total", round(health.stream().mapToDouble(Health::gcPauseMs).sum()));
    g.writeNumberProperty("open_files_max", health.stream().mapToLong(Health::openFiles).max().orElse(-1));
    g.writeNumberProperty("max_files", health.get(health.size() - 1).maxFiles());
    g.writeNumberProperty("pool_waits", health.stream().mapToLong(Health::poolWaits).sum());
    g.writeEndObject();
  }

  private static void findings(JsonGenerator g, RunResult r) {
    g.writeArrayPropertyStart("findings");
    for (Finding f : r.findings()) {
      g.writeStartObject();
      g.writeStringProperty("kind", f.kind());
      g.writeStringProperty("level", f.level().lower());
      g.writeStringProperty("text", f.text());
      if (f.hasTime()) g.writeNumberProperty("at_s", f.atSeconds());
      else g.writeNullProperty("at_s");
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void map(JsonGenerator g, String name, Map<String, ?> m) {
    value(g.writeName(name), m);
  }

  /** A value of the settings' kinds (text, numbers, flags, lists and maps of them), as Jackson's tree would write it. */
  private static void value(JsonGenerator g, Object v) {
    switch (v) {
      case null -> g.writeNull();
      case String t -> g.writeString(t);
      case Boolean b -> g.writeBoolean(b);
      case Integer i -> g.writeNumber(i);
      case Long l -> g.writeNumber(l);
      case Double d -> g.writeNumber(d);
      case Float f -> g.writeNumber(f);
      case Short i -> g.writeNumber(i);
      case Byte i -> g.writeNumber(i);
      case BigDecimal d -> g.writeNumber(d);
      case java.math.BigInteger i -> g.writeNumber(i);
      case Map<?, ?> m -> {
        g.writeStartObject();
        m.forEach((k, x) -> value(g.writeName(String.valueOf(k)), x));
        g.writeEndObject();
      }
      case Collection<?> c -> {
        g.writeStartArray();
        c.forEach(x -> value(g, x));
        g.writeEndArray();
      }
      case Object[] a -> value(g, java.util.Arrays.asList(a));
      default -> g.writeString(v.toString());
    }
  }

  /** Six significant digits, for small values that thousandths would flatten to 0 (a cost per request in dollars). */
  static double significant(double v) {
    return v == 0 ? 0 : new BigDecimal(v).round(new MathContext(6)).doubleValue();
  }

  static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
