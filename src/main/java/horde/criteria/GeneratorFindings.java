package horde.criteria;

import horde.scenario.FailureKind;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.RunStats;
import horde.stats.Settings;
import horde.stats.TimelinePoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Problems on Horde's side of the wire, which distort the figures rather than describe the
 * target: a run cut short, requests cut off at the end, requests never sent (template, feeder),
 * more users than connections, and in the open model iterations dropped or started late.
 */
final class GeneratorFindings {
  /** A late start shorter than this is scheduling noise. */
  static final double LATE_MS = 10;

  private GeneratorFindings() {}

  static void addTo(List<Finding> out, RunStats s, Settings settings) {
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
    dropped(out, s, settings);
    lateSends(out, s);
  }

  /** Failures that happened before a request left Horde: the scenario's problem, not the target's. */
  private static void neverSent(List<Finding> out, RunStats s) {
    Map<String, Long> reasons = new LinkedHashMap<>();
    Map<String, FailureKind> kinds = new LinkedHashMap<>();
    for (EndpointStats e : EndpointFindings.requests(s)) {
      e.failuresByReason().forEach((reason, n) -> {
        FailureKind kind = e.kindOf(reason);
        if (kind == null || !kind.neverSent()) return;
        reasons.merge(reason, n, Long::sum);
        kinds.put(reason, kind);
      });
    }
    reasons.forEach((reason, n) -> out.add(Finding.warning("not_sent", String.format("%s requests were never sent (%s): %s",
        Figures.count(n), reason, switch (kinds.get(reason)) {
          case UNSET_VARIABLE -> "a value they use was never saved, most often because the request that saves it failed.";
          case DESCRIPTORS -> "Horde had no file descriptor left for their connections: the generator's limit, not the"
              + " target's.";
          default -> "a problem in the scenario or its data, not in the target.";
        }))));
  }

  private static void connectionLimit(List<Finding> out, RunStats s, Settings settings) {
    long limit = settings.maxConnections();
    int peak = s.peakUsers();
    if (limit <= 0 || peak <= limit) return;
    out.add(Finding.warning("connection_limit", String.format("Up to %d users shared %d connections (http.max_connections):"
        + " requests queued for a free connection, and that wait is part of their latency.", peak, limit)));
  }

  /**
   * Open model: arrivals that found every user busy were not sent, so the target saw less than the
   * plan. The count, the first second and the peak are the measured window's; drops in the warm-up
   * (a cold JVM) are named apart, so that a peak of the warm-up never stands beside the count of the
   * window as if it were one of its seconds.
   */
  private static void dropped(List<Finding> out, RunStats s, Settings settings) {
    List<TimelinePoint> points = s.timeline();
    int first = -1, last = -1;
    long peak = 0, warmupDropped = 0, warmupPeak = 0;
    for (int i = 0; i < points.size(); i++) {
      TimelinePoint p = points.get(i);
      long perSecond = Math.round(p.dropped() / Intervals.seconds(points, i));
      if (p.warmup()) {
        warmupDropped += p.dropped();
        warmupPeak = Math.max(warmupPeak, perSecond);
        continue;
      }
      if (p.dropped() > 0 && first < 0) first = i;
      if (p.dropped() > 0) last = i;
      peak = Math.max(peak, perSecond);
    }
    String warmup = warmupDropped <= 0 ? "" : String.format("%s iterations were dropped in the warm-up (up to %d in a"
        + " second), left out of the figures", Figures.count(warmupDropped), warmupPeak);
    if (s.droppedIterations() <= 0) {
      if (!warmup.isEmpty()) out.add(Finding.info("dropped_in_warmup", warmup + ": a cold start; none after it."));
      return;
    }
    OptionalLong maxUsers = settings.maxUsers();
    String users = maxUsers.isPresent() ? "all " + maxUsers.getAsLong() + " virtual users (max_users)" : "all virtual users";
    String when = first < 0 ? ""
        : String.format(" from %s on (up to %d in a second)", Figures.at(Intervals.start(points, first)), peak);
    Finding f = Finding.warning("dropped_iterations", String.format("%s iterations were dropped%s: when they were due, %s"
        + " were still busy, so the target got less load than planned. %s%s", Figures.count(s.droppedIterations()), when, users,
        coldStart(points, last) ? COLD_START : "Either the target is too slow for this rate (each busy user is waiting for an"
            + " answer) or max_users is too low.", warmup.isEmpty() ? "" : " Besides, " + warmup + "."));
    out.add(first < 0 ? f : f.at(Intervals.start(points, first)));
  }

  private static final String COLD_START = "All in the run's first 2 seconds and none after: that is the generator's cold"
      + " start (a fresh JVM still compiling its request path, so each user stayed busy longer), not the target. A warm-up"
      + " (warmup: 3s) keeps those seconds out of the figures.";

  /** Whether every measured drop was in the run's first 2 s (of a longer run): a fresh JVM, not the target. */
  private static boolean coldStart(List<TimelinePoint> points, int last) {
    return last >= 0 && Intervals.start(points, last) < 2 && last < points.size() - 1;
  }

  /**
   * Open model: the whole run's p99 from the intended start against the same requests from their
   * actual send. Only an iteration's first request can start late, and only because the generator
   * was slow to start it (a free user existed, or it would have been dropped).
   */
  private static void lateSends(List<Finding> out, RunStats s) {
    EndpointStats t = s.total();
    if (t.uncorrected() == null || t.latency().getTotalCount() < EndpointFindings.MIN_FOR_TAIL) return;
    double intended = t.summary().p99(), sent = LatencySummary.of(t.uncorrected()).p99();
    if (!(intended - sent >= Math.max(LATE_MS, 0.2 * sent))) return;
    out.add(Finding.warning("late_sends", String.format("Requests left Horde late: p99 is %s counted from their scheduled"
        + " start but %s from the actual send. The difference is time the generator took to start them (a busy machine,"
        + " too few threads); a user would have waited it too, so it stays in the figures.", Figures.ms(intended),
        Figures.ms(sent))));
  }
}
