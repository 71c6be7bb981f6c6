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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.RawValue;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
  static RawValue raw(RunStats s) {
    ObjectNode head = ResultJson.MAPPER.createObjectNode();
    write(head, s);
    ArrayNode seconds = (ArrayNode) head.remove("seconds");
    String text = ResultJson.MAPPER.writeValueAsString(head);
    StringBuilder out = new StringBuilder(text.length() + seconds.size() * 1024);
    out.append(text, 0, text.length() - 1).append(",\"seconds\":[");
    for (int i = 0; i < seconds.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n").append(ResultJson.MAPPER.writeValueAsString(seconds.get(i)));
    }
    return new RawValue(out.append("\n]}").toString());
  }

  static void write(ObjectNode o, RunStats s) {
    Names names = s.names();
    Measures measures = names.measures();
    ArrayNode endpoints = o.putArray("endpoints");
    names.endpoints().forEach(e -> endpoints.add(e.key()));
    ArrayNode reasons = o.putArray("reasons");
    for (Names.Reason r : names.reasons()) {
      if (r == null) reasons.addNull();
      else reasons.addObject().put("name", r.name()).put("kind", r.kind().lower());
    }
    ArrayNode counters = o.putArray("counters");
    measures.counters().forEach(m -> counters.add(m.key()));
    ArrayNode histograms = o.putArray("histograms");
    measures.histograms().forEach(m -> histograms.add(m.key()));
    ArrayNode seconds = o.putArray("seconds");
    for (Interval i : s.intervals()) second(seconds.addObject(), i, measures);
  }

  private static void second(ObjectNode o, Interval i, Measures measures) {
    o.put("t", i.t());
    o.put("s", i.seconds());
    o.put("users", i.users());
    o.put("peak_users", i.peakUsers());
    if (i.dropped() > 0) o.put("dropped", i.dropped());
    if (i.warmup()) o.put("warmup", true);
    if (i.health() != null) health(o.putObject("health"), i.health());
    TargetJson.second(o, i.target());
    ArrayNode slices = o.putArray("e");
    for (Slice slice : i.slices()) slice(slices.addObject(), slice, measures);
  }

  private static void slice(ObjectNode o, Slice s, Measures measures) {
    o.put("i", s.endpoint());
    ArrayNode c = o.putArray("c");
    int last = s.counterCount() - 1;
    while (last >= 0 && s.counter(last) == 0) last--;
    for (int k = 0; k <= last; k++) c.add(s.counter(k));
    if (s.statusKinds() > 0) {
      ObjectNode st = o.putObject("status");
      for (int k = 0; k < s.statusKinds(); k++) st.put(String.valueOf(s.statusCode(k)), s.statusCount(k));
    }
    if (s.reasonKinds() > 0) {
      ObjectNode r = o.putObject("reasons");
      for (int k = 0; k < s.reasonKinds(); k++) r.put(String.valueOf(s.reasonId(k)), s.reasonCount(k));
    }
    ObjectNode h = o.putObject("h");
    for (int m = 0; m < s.histogramCount(); m++) {
      byte[] b = s.compressed(m);
      if (b != null) h.put(measures.histogram(m).key(), HistogramCodec.encode(b));
    }
  }

  static void health(ObjectNode o, Health h) {
    o.put("loop_lag_p99_ms", h.loopLagP99Ms());
    o.put("loop_lag_max_ms", h.loopLagMaxMs());
    o.put("cpu_percent", h.cpuPercent());
    o.put("gc_pause_ms", h.gcPauseMs());
    o.put("open_files", h.openFiles());
    o.put("max_files", h.maxFiles());
    o.put("pool_waits", h.poolWaits());
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
