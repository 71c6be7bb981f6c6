package horde.result;

import horde.record.Health;
import horde.scenario.FailureKind;
import horde.scenario.Measure;
import horde.scenario.Measures;
import horde.stats.Interval;
import horde.stats.Names;
import horde.stats.RunStats;
import horde.stats.Slice;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The run's per-second intervals in the result file, both ways: for each second, each endpoint's
 * counters, statuses, failure reasons and compressed histograms, so any window of the run can be
 * recomputed exactly ({@code horde report --from --to}). Ids are indexes into the section's own
 * {@code endpoints} and {@code reasons} lists; counters and histograms are named by measure.
 */
final class IntervalsJson {
  private IntervalsJson() {}

  /**
   * The section as raw JSON text: compact, one second a line, so that a long run stays small (the
   * rest of the file is indented for people) and an editor can still open it.
   */
  static String raw(RunStats s) {
    Measures measures = s.names().measures();
    StringBuilder out = new StringBuilder(256 + s.intervals().size() * 1024);
    String head = ResultJson.json(false, g -> names(g, s.names()));
    out.append(head, 0, head.length() - 1).append(",\"seconds\":[");
    String separator = "\n";
    for (Interval i : s.intervals()) {
      out.append(separator).append(ResultJson.json(false, g -> second(g, i, measures)));
      separator = ",\n";
    }
    return out.append("\n]}").toString();
  }

  private static void names(JsonGenerator g, Names names) {
    Measures measures = names.measures();
    g.writeStartObject();
    g.writeArrayPropertyStart("endpoints");
    names.endpoints().forEach(e -> g.writeString(e.key()));
    g.writeEndArray();
    g.writeArrayPropertyStart("reasons");
    for (Names.Reason r : names.reasons()) {
      if (r == null) {
        g.writeNull();
        continue;
      }
      g.writeStartObject();
      g.writeStringProperty("name", r.name());
      g.writeStringProperty("kind", r.kind().lower());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("counters");
    measures.counters().forEach(m -> g.writeString(m.key()));
    g.writeEndArray();
    g.writeArrayPropertyStart("histograms");
    measures.histograms().forEach(m -> g.writeString(m.key()));
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void second(JsonGenerator g, Interval i, Measures measures) {
    g.writeStartObject();
    g.writeNumberProperty("t", i.t());
    g.writeNumberProperty("s", i.seconds());
    g.writeNumberProperty("users", i.users());
    g.writeNumberProperty("peak_users", i.peakUsers());
    if (i.dropped() > 0) g.writeNumberProperty("dropped", i.dropped());
    if (i.warmup()) g.writeBooleanProperty("warmup", true);
    if (i.health() != null) health(g, "health", i.health());
    TargetJson.second(g, i.target());
    g.writeArrayPropertyStart("e");
    for (Slice slice : i.slices()) slice(g, slice, measures);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void slice(JsonGenerator g, Slice s, Measures measures) {
    g.writeStartObject();
    g.writeNumberProperty("i", s.endpoint());
    g.writeArrayPropertyStart("c");
    int last = s.counterCount() - 1;
    while (last >= 0 && s.counter(last) == 0) last--;
    for (int k = 0; k <= last; k++) g.writeNumber(s.counter(k));
    g.writeEndArray();
    if (s.statusKinds() > 0) {
      g.writeObjectPropertyStart("status");
      for (int k = 0; k < s.statusKinds(); k++) g.writeNumberProperty(String.valueOf(s.statusCode(k)), s.statusCount(k));
      g.writeEndObject();
    }
    if (s.reasonKinds() > 0) {
      g.writeObjectPropertyStart("reasons");
      for (int k = 0; k < s.reasonKinds(); k++) g.writeNumberProperty(String.valueOf(s.reasonId(k)), s.reasonCount(k));
      g.writeEndObject();
    }
    g.writeObjectPropertyStart("h");
    for (int m = 0; m < s.histogramCount(); m++) {
      byte[] b = s.compressed(m);
      if (b != null) g.writeStringProperty(measures.histogram(m).key(), HistogramCodec.encode(b));
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  static void health(JsonGenerator g, String name, Health h) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("loop_lag_p99_ms", h.loopLagP99Ms());
    g.writeNumberProperty("loop_lag_max_ms", h.loopLagMaxMs());
    g.writeNumberProperty("cpu_percent", h.cpuPercent());
    g.writeNumberProperty("gc_pause_ms", h.gcPauseMs());
    g.writeNumberProperty("open_files", h.openFiles());
    g.writeNumberProperty("max_files", h.maxFiles());
    g.writeNumberProperty("pool_waits", h.poolWaits());
    g.writeEndObject();
  }

  static Health health(JsonNode o) {
    if (o.isMissingNode() || o.isNull()) return null;
    return new Health(o.path("loop_lag_p99_ms").asDouble(), o.path("loop_lag_max_ms").asDouble(),
        o.path("cpu_percent").asDouble(), o.path("gc_pause_ms").asDouble(), o.path("open_files").asLong(-1),
        o.path("max_files").asLong(-1), o.path("pool_waits").asLong());
  }

  /** The names the section's ids stand for; null when the file keeps no intervals. */
  static Names names(JsonNode o) {
    if (o.isMissingNode()) return null;
    List<Names.Endpoint> endpoints = new ArrayList<>();
    for (JsonNode e : o.path("endpoints")) {
      String key = e.asString();
      int space = key.indexOf(' ');
      endpoints.add(new Names.Endpoint(key.substring(space + 1), key.substring(0, Math.max(0, space))));
    }
    List<Names.Reason> reasons = new ArrayList<>();
    for (JsonNode r : o.path("reasons")) {
      reasons.add(r.isNull() ? null : new Names.Reason(r.path("name").asString(), kind(r.path("kind").asString())));
    }
    return new Names(endpoints, reasons, Measures.BUILT_IN);
  }

  private static FailureKind kind(String text) {
    try {
      return FailureKind.parse(text);
    } catch (IllegalArgumentException e) {
      return FailureKind.TRANSPORT; // a kind this version does not know
    }
  }

  static List<Interval> read(JsonNode o) {
    List<Interval> out = new ArrayList<>();
    if (o.isMissingNode()) return out;
    Measures measures = Measures.BUILT_IN;
    int[] counterIndex = indexes(o.path("counters"), measures);
    for (JsonNode second : o.path("seconds")) {
      List<Slice> slices = new ArrayList<>();
      for (JsonNode e : second.path("e")) slices.add(slice(e, counterIndex, measures));
      out.add(new Interval(second.path("t").asDouble(), second.path("s").asDouble(), second.path("users").asInt(),
          second.path("peak_users").asInt(), second.path("dropped").asLong(), second.path("warmup").asBoolean(false),
          slices, health(second.path("health")), TargetJson.second(second)));
    }
    return out;
  }

  /** For each counter named in the file, its index in this version's registry (-1: unknown, skipped). */
  private static int[] indexes(JsonNode names, Measures measures) {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      String key = names.get(i).asString();
      out[i] = measures.find(key).filter(m -> !m.isHistogram()).isPresent() ? measures.indexOf(key) : -1;
    }
    return out;
  }

  private static Slice slice(JsonNode o, int[] counterIndex, Measures measures) {
    long[] counters = new long[measures.counterCount()];
    JsonNode c = o.path("c");
    for (int k = 0; k < Math.min(c.size(), counterIndex.length); k++) if (counterIndex[k] >= 0) counters[counterIndex[k]] = c.get(k).asLong();
    JsonNode st = o.path("status");
    int[] codes = new int[st.size()];
    long[] codeCounts = new long[st.size()];
    int k = 0;
    for (var e : st.properties()) {
      codes[k] = Integer.parseInt(e.getKey());
      codeCounts[k++] = e.getValue().asLong();
    }
    JsonNode r = o.path("reasons");
    int[] ids = new int[r.size()];
    long[] idCounts = new long[r.size()];
    k = 0;
    for (var e : r.properties()) {
      ids[k] = Integer.parseInt(e.getKey());
      idCounts[k++] = e.getValue().asLong();
    }
    byte[][] histograms = new byte[measures.histogramCount()][];
    for (var e : o.path("h").properties()) {
      if (measures.find(e.getKey()).filter(Measure::isHistogram).isEmpty()) continue; // unknown to this version
      histograms[measures.indexOf(e.getKey())] = HistogramCodec.bytes(e.getValue().asString());
    }
    return new Slice(o.path("i").asInt(), counters, codes, codeCounts, ids, idCounts, histograms);
  }
}
