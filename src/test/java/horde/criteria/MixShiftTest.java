package horde.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import horde.plan.FailureReasons;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.scenario.Measures;
import horde.stats.EndpointStats;
import horde.stats.Interval;
import horde.stats.LatencySummary;
import horde.stats.Names;
import horde.stats.RunStats;
import horde.stats.Slice;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A ramp where a fast and a slow endpoint mix differently as users grow: the overall p95 climbs,
 * but neither endpoint got slower, so latency did not "rise with users". When the slow endpoint
 * itself slows down, it did.
 */
class MixShiftTest {
  static final Names NAMES = new Names(List.of(new Names.Endpoint("/fast", "GET"), new Names.Endpoint("/slow", "GET")),
      List.of(), Measures.BUILT_IN);

  /** 40 s from 10 to 100 users: each second 400 fast answers and one slow answer per two users. */
  static RunStats ramp(IntToLongFunction slowMicrosAtUsers) {
    IntervalSnapshot shape = new IntervalSnapshot(2, Measures.BUILT_IN.histogramCount(), Measures.BUILT_IN.counterCount(),
        FailureReasons.CAPACITY);
    LoopRecorder loop = new LoopRecorder(shape, new Samples(2, FailureReasons.CAPACITY));
    IntervalSnapshot total = shape.emptyCopy();
    List<Interval> intervals = new ArrayList<>();
    List<TimelinePoint> timeline = new ArrayList<>();
    for (int t = 1; t <= 40; t++) {
      int users = 10 + (t - 1) * 90 / 39;
      for (int i = 0; i < 400; i++) loop.request(0, 200, -1, 1_000_000 + i * 1000, 0, 0);
      for (int i = 0; i < users / 2; i++) loop.request(1, 200, -1, slowMicrosAtUsers.applyAsLong(users) * 1000 + i, 0, 0);
      IntervalSnapshot second = shape.emptyCopy();
      loop.drainInto(second);
      total.add(second);
      Histogram all = new Histogram(3);
      all.add(second.histogram(0, Measures.LATENCY));
      all.add(second.histogram(1, Measures.LATENCY));
      intervals.add(new Interval(t, 1, users, users, 0, false, List.of(Slice.of(second, 0), Slice.of(second, 1)), null));
      timeline.add(new TimelinePoint(t, users, 400 + users / 2, 0, 400 + users / 2, LatencySummary.pct(all, 50),
          LatencySummary.pct(all, 95), LatencySummary.pct(all, 99), false));
    }
    List<EndpointStats> endpoints = List.of(EndpointStats.of(total, 0, NAMES, null), EndpointStats.of(total, 1, NAMES, null));
    return new RunStats(0, 40, 0, 40, endpoints, EndpointStats.total(endpoints), timeline, 0, false, 0, intervals, NAMES);
  }

  static List<String> kinds(RunStats s) {
    return Findings.of(s, Map.of()).stream().map(Finding::kind).toList();
  }

  @Test
  void aShiftInTheMixOfConstantEndpointsIsNotRisingLatency() {
    RunStats s = ramp(users -> 1_350_000);
    assertThat(s.timeline().get(39).p95() / s.timeline().get(0).p95()).as("the overall p95 climbs").isGreaterThan(100);
    assertThat(kinds(s)).doesNotContain("latency_rises_with_users", "saturation");
  }

  @Test
  void anEndpointThatSlowsWithUsersIsRisingLatency() {
    RunStats s = ramp(users -> 20_000L * users);
    assertThat(kinds(s)).containsAnyOf("latency_rises_with_users", "saturation");
  }
}
