package horde.criteria;

import static horde.criteria.Runs.endpoint;
import static horde.criteria.Runs.findings;
import static horde.criteria.Runs.kind;
import static horde.criteria.Runs.run;
import static horde.criteria.Runs.second;
import static horde.criteria.Runs.seconds;
import static horde.criteria.Runs.warm;
import static org.assertj.core.api.Assertions.assertThat;

import horde.stats.EndpointStats;
import horde.stats.RunStats;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Findings about load: saturation, warm-up and cold starts, degradation, and the generator's own limits. */
class LoadFindingsTest {
  /** A closed-model target that serves 100 req/s at most: past 20 users, only the wait grows. */
  @Test
  void throughputThatStopsGrowingWhileLatencyClimbsIsSaturation() {
    RunStats s = run(seconds(60, t -> second(t, t, Math.min(t, 20) * 5L, 0, t <= 20 ? 100 : 100.0 * t / 20)));
    assertThat(kind(findings(s), "saturation")).singleElement().satisfies(f -> {
      assertThat(f.text()).isEqualTo("Saturation at about 20 users: throughput levels off at 100 req/s while p95 climbs"
          + " from 100 ms (5 users) to 285 ms (57 users); users past that point only wait longer.");
      assertThat(f.atSeconds()).isBetween(15.0, 23.0);
    });
  }

  @Test
  void latencyRisingWhileThroughputStillGrowsIsSaidSo() {
    RunStats s = run(seconds(60, t -> second(t, t, t * 5L, 0, t <= 30 ? 100 : 100.0 * (t - 25) / 5)));
    assertThat(kind(findings(s), "latency_rises_with_users")).singleElement().extracting(Finding::text).isEqualTo(
        "Latency rises with users: p95 100 ms at 5 users, 640 ms at 57 users (6.4×), from about 35 users on;"
            + " throughput still grew (23 req/s to 285 req/s).");
  }

  @Test
  void aModestButLastingRiseIsReportedToo() {
    RunStats s = run(seconds(60, t -> second(t, t, t * 5L, 0, t <= 30 ? 1000 : 1800)));
    assertThat(kind(findings(s), "latency_rises_with_users")).singleElement().extracting(Finding::text).asString()
        .startsWith("Latency rises with users: p95 1.0 s at 5 users, 1.8 s at 57 users (1.8×)");
  }

  @Test
  void throughputThatScalesWithSteadyLatencyShowsNoSaturation() {
    RunStats s = run(seconds(40, t -> second(t, t, t * 10L, 0, 120)));
    List<Finding> all = findings(s);
    assertThat(kind(all, "no_saturation")).singleElement().extracting(Finding::text).isEqualTo(
        "No saturation seen: throughput grew from 30 req/s to 380 req/s as users went from 3 to 38, with p95 120 ms then 120 ms.");
    assertThat(kind(all, "saturation")).isEmpty();
  }

  @Test
  void fastRefusalsAtThePeakAreNotNoSaturation() {
    // answered quickly because most requests are refused at once: the load curve looks fine, but is not
    List<TimelinePoint> points = seconds(40, t -> t < 30 ? second(t, 1 + t / 3, 10 + t, 0, 200)
        : second(t, 50, 2000, 1400, 15));
    List<Finding> all = findings(run(points, endpoint("POST", "/chat", 5000, 100, 1400, "HTTP 429")));
    assertThat(kind(all, "no_saturation")).isEmpty();
  }

  @Test
  void aRunAtOneUserCountSaysNothingAboutTheCurve() {
    List<Finding> all = findings(run(seconds(60, t -> second(t, 50, 500, 0, 100 + t % 7))));
    assertThat(all).extracting(Finding::kind).doesNotContain("saturation", "latency_rises_with_users", "no_saturation");
  }

  @Test
  void aSlowWarmupIsNotedAsLeftOut() {
    RunStats s = run(warm(seconds(40, t -> second(t, 10, 100, 0, t <= 10 ? 900 : 200)), 10), 10);
    assertThat(kind(findings(s), "warmup")).singleElement().extracting(Finding::text).isEqualTo(
        "The warm-up was slower than what followed: p95 900 ms in its 10 s against 200 ms after;"
            + " those seconds are left out of the figures.");
  }

  @Test
  void aSlowStartWithoutWarmupSuggestsOne() {
    RunStats s = run(seconds(60, t -> second(t, 10, 100, 0, t <= 5 ? 1500 : 200)));
    assertThat(kind(findings(s), "cold_start")).singleElement().extracting(Finding::text).isEqualTo(
        "The first 6 s were slower than the rest (p95 1.5 s against 200 ms) with no more users: a cold start"
            + " (connections, caches, JIT). A warm-up of 6 s would keep it out of the figures.");
  }

  @Test
  void latencyGrowingAtSteadyUsersIsDegradation() {
    RunStats s = run(seconds(90, t -> second(t, 30, 300, 0, 100 + 3.0 * t)));
    assertThat(kind(findings(s), "degradation")).singleElement().satisfies(f -> {
      assertThat(f.text()).isEqualTo("Latency degraded over the run at a steady 30 users: p95 147 ms in the first third,"
          + " 327 ms in the last (2.2×). Look for queues, leaks or caches filling up.");
      assertThat(f.atSeconds()).isEqualTo(60.0);
    });
  }

  @Test
  void theGeneratorsOwnLimitsAreNamed() {
    List<TimelinePoint> points = new ArrayList<>(seconds(20, t -> second(t, 50, 100, 0, 100)));
    RunStats base = run(points, endpoint("GET", "/x", 2000, 100, 7, "template error: variable id is not set"));
    RunStats s = new RunStats(0, 20, 0, 20, base.endpoints(), base.total(), points, 12, true);
    List<Finding> all = Findings.of(s, Map.of("max_connections", 10));
    assertThat(kind(all, "aborted")).singleElement().extracting(Finding::text)
        .isEqualTo("The run was stopped early, after 20 s; the figures cover what ran.");
    assertThat(kind(all, "cut_off")).singleElement().extracting(Finding::text).asString().startsWith("12 requests were still waiting");
    assertThat(kind(all, "not_sent")).singleElement().extracting(Finding::text).isEqualTo(
        "7 requests were never sent (template error: variable id is not set): a value they use was never saved, most often because the request that saves it failed.");
    assertThat(kind(all, "connection_limit")).singleElement().extracting(Finding::text).isEqualTo(
        "Up to 50 users shared 10 connections (http.max_connections): requests queued for a free connection,"
            + " and that wait is part of their latency.");
  }

  /** An open-model run: each second's arrivals that found no free user, and latencies from the intended start and the send. */
  static RunStats open(List<TimelinePoint> points, long intendedMillis, long sentMillis, long dropped) {
    org.HdrHistogram.Histogram intended = new org.HdrHistogram.Histogram(3), sent = new org.HdrHistogram.Histogram(3);
    intended.recordValueWithCount(intendedMillis * 1000, 1000);
    sent.recordValueWithCount(sentMillis * 1000, 1000);
    horde.stats.EndpointStats e = horde.stats.EndpointStats.of("/x", "GET", 1000, 0, 0, 0, intended, Map.of(), Map.of(), sent);
    double end = points.get(points.size() - 1).t();
    return new RunStats(0, end, 0, end, List.of(e), EndpointStats.total(List.of(e)), points, 0, false, dropped);
  }

  @Test
  void droppedIterationsAreNamedWithWhenAndHowMany() {
    List<TimelinePoint> points = seconds(30, t -> new TimelinePoint(t, 40, 100, 0, 100, 50, 90, 120, t > 20 ? t - 20 : 0, false));
    List<Finding> all = Findings.of(open(points, 100, 100, 55), Map.of("max_users", 40));
    assertThat(kind(all, "dropped_iterations")).singleElement().satisfies(f -> {
      assertThat(f.text()).isEqualTo("55 iterations were dropped from 20 s on (up to 10 in a second): when they were due,"
          + " all 40 virtual users (max_users) were still busy, so the target got less load than planned. Either the target"
          + " is too slow for this rate (each busy user is waiting for an answer) or max_users is too low.");
      assertThat(f.atSeconds()).isEqualTo(20.0);
      assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
    });
    assertThat(kind(all, "late_sends")).isEmpty();
  }

  /** Drops in the first two seconds only, with no warm-up: the finding names the generator's cold start, not the target. */
  @Test
  void dropsInTheFirstSecondsOnlyAreNamedAsTheColdStart() {
    List<TimelinePoint> points = seconds(10, t -> new TimelinePoint(t, 40, 100, 0, 100, 50, 90, 120, t == 1 ? 632 : 0, false));
    assertThat(kind(Findings.of(open(points, 100, 100, 632), Map.of("max_users", 1000)), "dropped_iterations")).singleElement()
        .extracting(Finding::text).isEqualTo("632 iterations were dropped from 0 s on (up to 632 in a second): when they"
            + " were due, all 1000 virtual users (max_users) were still busy, so the target got less load than planned. All in"
            + " the run's first 2 seconds and none after: that is the generator's cold start (a fresh JVM still compiling its"
            + " request path, so each user stayed busy longer), not the target. A warm-up (warmup: 3s) keeps those seconds out"
            + " of the figures.");
  }

  /** A cold start drops thousands in the warm-up and a few after it: the peak beside the count is the measured window's. */
  @Test
  void dropsOfTheWarmupAreNamedApartFromTheMeasuredOnes() {
    List<TimelinePoint> points = seconds(30, t -> new TimelinePoint(t, 40, 100, 0, 100, 50, 90, 120,
        t <= 3 ? 19000 : t == 25 ? 90 : 0, t <= 3));
    List<Finding> all = Findings.of(open(points, 100, 100, 90), Map.of());
    assertThat(kind(all, "dropped_iterations")).singleElement().extracting(Finding::text).asString()
        .startsWith("90 iterations were dropped from 24 s on (up to 90 in a second):")
        .endsWith(" Besides, 57,000 iterations were dropped in the warm-up (up to 19000 in a second), left out of the figures.");
    List<TimelinePoint> coldOnly = seconds(30, t -> new TimelinePoint(t, 40, 100, 0, 100, 50, 90, 120, t <= 3 ? 19000 : 0, t <= 3));
    assertThat(kind(Findings.of(open(coldOnly, 100, 100, 0), Map.of()), "dropped_in_warmup")).singleElement()
        .extracting(Finding::text).isEqualTo("57,000 iterations were dropped in the warm-up (up to 19000 in a second),"
            + " left out of the figures: a cold start; none after it.");
  }

  @Test
  void requestsThatLeftLateAreTheGeneratorsDoing() {
    List<TimelinePoint> points = seconds(30, t -> new TimelinePoint(t, 40, 100, 0, 100, 50, 90, 120, 0, false));
    assertThat(kind(Findings.of(open(points, 180, 100, 0), Map.of()), "late_sends")).singleElement().extracting(Finding::text)
        .isEqualTo("Requests left Horde late: p99 is 180 ms counted from their scheduled start but 100 ms from the actual"
            + " send. The difference is time the generator took to start them (a busy machine, too few threads); a user would"
            + " have waited it too, so it stays in the figures.");
    assertThat(kind(Findings.of(open(points, 105, 100, 0), Map.of()), "late_sends")).isEmpty();
  }

  /** In the open model, users at work follow the latency: grouping seconds by them would find what it assumes. */
  @Test
  void theOpenModelsBusyUsersAreNotReadAsALoadCurve() {
    List<TimelinePoint> points = seconds(60, t -> new TimelinePoint(t, t, t * 5L, 0, t * 5, 50, 100.0 * t, 120.0 * t, 0, false));
    assertThat(Findings.of(open(points, 100, 100, 0), Map.of())).extracting(Finding::kind)
        .doesNotContain("saturation", "latency_rises_with_users", "no_saturation", "throughput_plateau");
  }
}
