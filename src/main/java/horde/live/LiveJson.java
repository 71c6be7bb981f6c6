package horde.live;

import horde.criteria.Finding;
import horde.criteria.GeneratorHealth;
import horde.engine.LoadControl;
import horde.result.ResultJson;
import horde.result.RunResult;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.RunStats;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web UI's JSON: the state of the live test with its tables (a "frame", pushed every second),
 * and its per-second series by column. Never holds a header value or a key: targets are shown
 * without user information, samples are the failure messages reports show too.
 */
public final class LiveJson {
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private LiveJson() {}

  /** The frame of {@code t} (null: no test yet); {@code soFar} its statistics up to the last second. */
  public static ObjectNode frame(LiveTest t, RunStats soFar) {
    ObjectNode o = MAPPER.createObjectNode();
    if (t == null) {
      o.put("state", "idle");
      return o;
    }
    o.put("state", t.state().lower());
    o.put("scenario", t.scenario());
    o.put("target", t.target());
    o.put("started_at", Instant.ofEpochMilli(t.startedMillis()).toString());
    o.put("model", t.open() ? "rate" : "users");
    if (t.phase() != null) o.put("phase", t.phase());
    if (t.error() != null) o.put("error", t.error());
    ObjectNode control = o.putObject("control");
    control.put("steerable", t.run().steerable());
    control(control, t.run().control());
    o.put("seconds", t.series().size());
    o.put("streaming", t.series().streaming());
    RunResult result = t.result();
    RunStats stats = result != null ? result.stats() : soFar;
    if (stats != null) tables(o, stats, result == null ? t.series().recent() : null);
    ArrayNode findings = o.putArray("findings");
    for (Finding f : t.findings(soFar)) findings.add(finding(f));
    generator(o.putArray("generator"), LiveTest.generator(stats));
    if (result != null) result(o.putObject("result"), result, t.historyId());
    return o;
  }

  private static void control(ObjectNode o, LoadControl c) {
    o.put("paused", c.paused());
    number(o, "current", c.current());
    LoadControl.Steer s = c.target();
    if (s == null) o.putNull("target");
    else {
      o.put("target", s.target());
      number(o, "ramp", s.perSecond());
    }
  }

  private static void tables(ObjectNode o, RunStats s, Recent.View recent) {
    o.put("elapsed_s", s.runSeconds());
    o.put("measured_from_s", s.warmupSeconds());
    o.put("measured_s", s.measuredSeconds());
    ObjectNode total = row(o.putObject("total"), s.total(), s, recent == null ? null : recent.total());
    total.put("name", "Total");
    ArrayNode rows = o.putArray("endpoints");
    List<EndpointStats> endpoints = s.endpoints();
    for (int i = 0; i < endpoints.size(); i++) {
      EndpointStats e = endpoints.get(i);
      if (e.requests() == 0 && e.failuresByReason().isEmpty()) continue;
      Recent.Figures now = recent != null && i < recent.endpoints().length ? recent.endpoints()[i] : null;
      row(rows.addObject(), e, s, now);
    }
  }

  private static ObjectNode row(ObjectNode o, EndpointStats e, RunStats s, Recent.Figures now) {
    o.put("method", e.method());
    o.put("name", e.name());
    o.put("group", e.isGroup());
    o.put("requests", e.requests());
    o.put("failures", e.failures());
    number(o, "rps", s.rps(e));
    number(o, "fps", s.measuredSeconds() <= 0 ? 0 : e.failures() / s.measuredSeconds());
    number(o, "error_pct", e.errorRatePercent());
    LatencySummary l = e.summary();
    boolean answered = e.latency().getTotalCount() > 0;
    for (String k : List.of("avg", "p50", "p95", "p99", "max")) number(o, k, answered ? l.value(k) : Double.NaN);
    if (e.llm() != null && e.llm().ttft().getTotalCount() > 0) {
      number(o, "ttft_p95", LatencySummary.pct(e.llm().ttft(), 95));
      number(o, "itl_p95", LatencySummary.pct(e.llm().itl(), 95));
    }
    if (now != null) {
      ObjectNode n = o.putObject("now");
      number(n, "rps", now.rps());
      number(n, "fps", now.fps());
      number(n, "p50", now.p50());
      number(n, "p95", now.p95());
      number(n, "p99", now.p99());
    }
    ObjectNode statuses = o.putObject("statuses");
    e.statuses().forEach((code, n) -> statuses.put(String.valueOf(code), n));
    ArrayNode reasons = o.putArray("reasons");
    e.failuresByReason().forEach((reason, n) -> {
      ObjectNode r = reasons.addObject();
      r.put("reason", reason);
      r.put("count", n);
      String sample = e.samples().get(reason);
      if (sample != null) r.put("sample", sample);
    });
    return o;
  }

  private static ObjectNode finding(Finding f) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("kind", f.kind());
    o.put("level", f.level().lower());
    o.put("text", f.text());
    number(o, "at_s", f.atSeconds());
    return o;
  }

  /** Horde's own problems so far, each in the words of the result's finding (its start named as such). */
  private static void generator(ArrayNode out, List<GeneratorHealth.Problem> problems) {
    for (GeneratorHealth.Problem p : problems) {
      ObjectNode o = out.addObject();
      o.put("kind", p.kind());
      o.put("text", p.sentence());
      o.put("seconds", p.seconds().size());
      o.put("last_s", p.seconds().get(p.seconds().size() - 1));
    }
  }

  /** The verdict, criteria, notes and findings, as the result file words them, and where the history keeps the run. */
  private static void result(ObjectNode o, RunResult r, long historyId) {
    o.setAll(ResultJson.verdict(r));
    o.put("aborted", r.stats().aborted());
    if (historyId >= 0) o.put("history_id", historyId);
  }

  /**
   * The series from second {@code from} on, by column: {@code {"from": 0, "columns": {"t": [...], ...}}};
   * with a monitored target also {@code "target": {"SERIES": [...]}, "scrape_failures": [...]}.
   */
  public static ObjectNode series(LiveSeries series, int from) {
    LiveSeries.Part part = series.from(from);
    double[][] columns = part.columns();
    ObjectNode o = MAPPER.createObjectNode();
    o.put("from", part.from());
    ObjectNode c = o.putObject("columns");
    for (int i = 0; i < columns.length; i++) values(c.putArray(LiveSeries.COLUMNS.get(i)), columns[i]);
    if (part.scrapeFailures() != null) {
      ObjectNode target = o.putObject("target");
      part.target().forEach((name, v) -> values(target.putArray(name), v));
      values(o.putArray("scrape_failures"), part.scrapeFailures());
    }
    return o;
  }

  /** Numbers as scraped (a target's value may be tiny: seconds, ratios), a gap as null. */
  private static void values(ArrayNode a, double[] values) {
    for (double v : values) {
      if (Double.isNaN(v) || Double.isInfinite(v)) a.addNull();
      else a.add(v);
    }
  }

  static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(key);
    else o.put(key, Math.round(v * 1000.0) / 1000.0);
  }
}
