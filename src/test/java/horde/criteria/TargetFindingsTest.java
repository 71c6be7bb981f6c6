package horde.criteria;

import static horde.criteria.Runs.endpoint;
import static horde.criteria.Runs.kind;
import static horde.criteria.Runs.second;
import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.Measures;
import horde.stats.EndpointStats;
import horde.stats.Interval;
import horde.stats.Names;
import horde.stats.RunStats;
import horde.stats.TargetSample;
import horde.stats.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Errors started as the target's pool reached its maximum", second by second: a second holds the
 * latest scrape, so the sample that shows the pool full may land a second after the first errors
 * (the scrape interval); that still joins them, a pool full three seconds later does not.
 * TargetMetricsTest sees the finding in a real run against the simulator's queue.
 */
class TargetFindingsTest {
  static final Names NAMES = new Names(List.of(new Names.Endpoint("/x", "GET")), List.of(), Measures.BUILT_IN);

  /**
   * 30 s of 10 users, 50 requests a second, a fifth failing from second 21 on (from 20 s); the pool
   * at 10, at 18 from second 18, full (20) from second {@code fullAt}.
   */
  static RunStats run(int fullAt) {
    List<TimelinePoint> timeline = new ArrayList<>();
    List<Interval> intervals = new ArrayList<>();
    for (int t = 1; t <= 30; t++) {
      timeline.add(second(t, 10, 50, t >= 21 ? 10 : 0, 100));
      double pool = t >= fullAt ? 20 : t >= 18 ? 18 : 10;
      intervals.add(new Interval(t, 1, 10, 10, 0, false, List.of(), null, new TargetSample(Map.of("pool_in_use", pool), 0)));
    }
    List<EndpointStats> endpoints = List.of(endpoint("GET", "/x", 1500, 100, 100, "status 503"));
    return new RunStats(0, 30, 0, 30, endpoints, EndpointStats.total(endpoints), timeline, 0, false, 0, intervals, NAMES);
  }

  static List<Finding> errors(RunStats s) {
    return kind(Findings.of(s, Map.of()), "target_errors");
  }

  @Test
  void thePoolFullInTheSecondTheErrorsStartJoinsThem() {
    assertThat(errors(run(21))).singleElement().satisfies(f -> assertThat(f.text())
        .isEqualTo("Errors started at 20 s as the target's pool_in_use reached its maximum, 20 (it was 10 five seconds before)."));
  }

  @Test
  void aScrapeThatShowsThePoolFullASecondLateStillJoinsThem() {
    assertThat(errors(run(22))).singleElement().satisfies(f -> assertThat(f.text())
        .contains("Errors started at 20 s as the target's pool_in_use reached its maximum, 20"));
  }

  @Test
  void aPoolFullThreeSecondsAfterTheErrorsIsNotTheirCause() {
    assertThat(errors(run(24))).isEmpty();
  }
}
