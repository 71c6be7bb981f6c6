package horde.live;

import horde.report.LocustErrors;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of Locust's {@code GET /stats/requests}, field by field from its source (locust/web.py
 * {@code request_stats}, locust/stats.py {@code StatsEntry.to_dict} and {@code StatsError}), so that
 * scripts and exporters written for Locust's web UI read Horde's live figures. Times are
 * milliseconds; "current" figures cover the last ten seconds, as Locust's do; totals cover the
 * measured window (since the start, the warm-up or the last reset). Transactions are not Locust
 * entries and are left out.
 */
public final class LocustStats {
  /** Locust's runner states. */
  static final String READY = "ready", SPAWNING = "spawning", RUNNING = "running", STOPPING = "stopping", STOPPED = "stopped";

  private LocustStats() {}

  public static ObjectNode of(LiveTest t, RunStats s) {
    ObjectNode o = LiveJson.MAPPER.createObjectNode();
    ArrayNode stats = o.putArray("stats");
    ArrayNode errors = o.putArray("errors");
    Recent.View recent = t == null ? null : t.series().recent();
    if (s != null) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < s.endpoints().size(); i++) if (!s.endpoints().get(i).isGroup()) order.add(i);
      order.sort(Comparator.comparing((Integer i) -> s.endpoints().get(i).name()).thenComparing(i -> s.endpoints().get(i).method()));
      for (int i : order) {
        EndpointStats e = s.endpoints().get(i);
        entry(stats.addObject(), e.method(), e.name(), e, s, recent == null || i >= recent.endpoints().length ? null : recent.endpoints()[i]);
        errors(errors, e);
      }
    }
    EndpointStats total = s == null ? EndpointStats.total(List.of()) : s.total();
    Recent.Figures now = recent == null ? null : recent.total();
    ObjectNode aggregated = entry(stats.addObject(), "", "Aggregated", total, s, now);
    o.set("current_rps", aggregated.get("current_rps"));
    o.set("current_fail_per_sec", aggregated.get("current_fail_per_sec"));
    o.set("total_rps", aggregated.get("total_rps"));
    o.set("total_fail_per_sec", aggregated.get("total_fail_per_sec"));
    o.put("fail_ratio", total.requests() == 0 ? 0.0 : (double) total.failures() / total.requests());
    ObjectNode current = o.putObject("current_response_time_percentiles");
    whole(current, "response_time_percentile_0.5", now == null ? Double.NaN : now.p50());
    whole(current, "response_time_percentile_0.95", now == null ? Double.NaN : now.p95());
    o.put("state", state(t));
    o.put("user_count", t != null && t.active() ? users(s) : 0);
    return o;
  }

  private static ObjectNode entry(ObjectNode o, String method, String name, EndpointStats e, RunStats s,
      Recent.Figures now) {
    LatencySummary l = e.summary();
    boolean answered = e.latency().getTotalCount() > 0;
    double seconds = s == null ? 0 : s.measuredSeconds();
    o.put("method", method);
    o.put("name", name);
    o.put("num_requests", e.requests());
    o.put("num_failures", e.failures());
    o.put("min_response_time", answered ? Math.round(l.min()) : 0);
    o.put("max_response_time", answered ? Math.round(l.max()) : 0);
    o.put("current_rps", now == null ? 0.0 : now.rps());
    o.put("current_fail_per_sec", now == null ? 0.0 : now.fps());
    o.put("avg_response_time", answered ? l.avg() : 0.0);
    o.put("median_response_time", answered ? Math.round(l.p50()) : 0);
    o.put("total_rps", seconds <= 0 ? 0.0 : e.requests() / seconds);
    o.put("total_fail_per_sec", seconds <= 0 ? 0.0 : e.failures() / seconds);
    o.put("response_time_percentile_0.95", answered ? Math.round(l.p95()) : 0);
    o.put("response_time_percentile_0.99", answered ? Math.round(l.p99()) : 0);
    o.put("avg_content_length", e.requests() == 0 ? 0.0 : (double) e.count("body_bytes") / e.requests());
    return o;
  }

  /** One entry per failure reason, worded as Locust's exceptions are. */
  private static void errors(ArrayNode out, EndpointStats e) {
    e.failuresByReason().forEach((reason, n) -> {
      ObjectNode o = out.addObject();
      o.put("method", e.method());
      o.put("name", e.name());
      o.put("error", LocustErrors.error(e, reason));
      o.put("occurrences", n);
      o.putNull("first_seen");
      o.putNull("last_seen");
    });
  }

  private static void whole(ObjectNode o, String key, double ms) {
    if (Double.isNaN(ms)) o.putNull(key);
    else o.put(key, Math.round(ms));
  }

  static String state(LiveTest t) {
    if (t == null) return READY;
    return switch (t.state()) {
      case STARTING -> SPAWNING;
      case RUNNING -> ramping(t) ? SPAWNING : RUNNING;
      case STOPPING -> STOPPING;
      case DONE, FAILED -> STOPPED;
    };
  }

  /** Locust says spawning while users are being added toward a target. */
  private static boolean ramping(LiveTest t) {
    var control = t.run().control();
    var target = control.target();
    return !t.open() && target != null && control.current() < target.target();
  }

  private static int users(RunStats s) {
    if (s == null || s.timeline().isEmpty()) return 0;
    TimelinePoint last = s.timeline().get(s.timeline().size() - 1);
    return last.users();
  }
}
