package horde.criteria;

import horde.stats.EndpointStats;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems on Horde's side of the wire, which distort the figures rather than describe the
 * target: a run cut short, requests cut off at the end, requests never sent (template, feeder),
 * and more users than connections.
 */
final class GeneratorFindings {
  private GeneratorFindings() {}

  static void addTo(List<Finding> out, RunStats s, Map<String, ?> settings) {
    if (s.aborted()) {
      out.add(Finding.warning("aborted", String.format("The run was stopped early, after %s; the figures cover what ran.",
          Figures.at(s.runSeconds()))));
    }
    if (s.cancelledInFlight() > 0) {
      out.add(Finding.warning("cut_off", String.format("%s requests were still waiting for an answer when the graceful stop"
          + " ran out; they are not counted, so the slowest answers may be missing from the percentiles.",
          Figures.count(s.cancelledInFlight()))));
    }
    neverSent(out, s);
    connectionLimit(out, s, settings);
  }

  /** Failures that happened before a request left Horde: the scenario's problem, not the target's. */
  private static void neverSent(List<Finding> out, RunStats s) {
    Map<String, Long> reasons = new LinkedHashMap<>();
    for (EndpointStats e : s.endpoints()) {
      e.failuresByReason().forEach((reason, n) -> {
        if (reason.startsWith("template error") || reason.equals("feeder exhausted")) reasons.merge(reason, n, Long::sum);
      });
    }
    reasons.forEach((reason, n) -> out.add(Finding.warning("not_sent", String.format("%s requests were never sent (%s):"
        + " a problem in the scenario or its data, not in the target.", Figures.count(n), reason))));
  }

  private static void connectionLimit(List<Finding> out, RunStats s, Map<String, ?> settings) {
    long limit = settings.get("max_connections") instanceof Number n ? n.longValue() : 0;
    int peak = s.timeline().stream().mapToInt(TimelinePoint::users).max().orElse(0);
    if (limit <= 0 || peak <= limit) return;
    out.add(Finding.warning("connection_limit", String.format("Up to %d users shared %d connections (http.max_connections):"
        + " requests queued for a free connection, and that wait is part of their latency.", peak, limit)));
  }
}
