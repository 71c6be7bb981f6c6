package horde.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import horde.plan.FailureReasons;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.report.Units;
import horde.scenario.Measures;
import horde.scenario.Threshold;
import horde.stats.EndpointStats;
import horde.stats.Interval;
import horde.stats.Names;
import horde.stats.RunStats;
import horde.stats.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A drift criterion is judged on the slope's 95% interval: the jumpy seconds of a flat target in a
 * short run give a point estimate far above the limit by chance alone, which must not fail the
 * run; a real leak under the same noise must. (DriftTest finds the simulator's leak in a real run.)
 */
class DriftCriterionTest {
  static final Names NAMES = new Names(List.of(new Names.Endpoint("/chat", "GET")), List.of(), Measures.BUILT_IN);
  static final Threshold LIMIT = Threshold.of("p95_drift < 10%/h");

  /**
   * 90 steady seconds of 2 users, 20 answers a second around 100 ms: each second's latencies
   * scaled by a random factor of 0.6 to 1.4 (a noisy target), and grown by {@code growthPerSecond}
   * of the first second's level each second.
   */
  static RunStats steady(long seed, double growthPerSecond) {
    Random random = new Random(seed);
    IntervalSnapshot shape = new IntervalSnapshot(1, Measures.BUILT_IN.histogramCount(), Measures.BUILT_IN.counterCount(),
        FailureReasons.CAPACITY);
    LoopRecorder loop = new LoopRecorder(shape, new Samples(1, FailureReasons.CAPACITY));
    IntervalSnapshot total = shape.emptyCopy();
    List<Interval> intervals = new ArrayList<>();
    for (int t = 1; t <= 90; t++) {
      double level = 100_000 * (0.6 + 0.8 * random.nextDouble()) * (1 + growthPerSecond * t);
      for (int i = 0; i < 20; i++) loop.request(0, 200, -1, (long) (level * (0.5 + random.nextDouble())) * 1000, 0, 0);
      IntervalSnapshot second = shape.emptyCopy();
      loop.drainInto(second);
      total.add(second);
      intervals.add(new Interval(t, 1, 2, 2, 0, false, List.of(Slice.of(second, 0)), null));
    }
    List<EndpointStats> endpoints = List.of(EndpointStats.of(total, 0, NAMES, null));
    return new RunStats(0, 90, 0, 90, endpoints, EndpointStats.total(endpoints), List.of(), 0, false, 0, intervals, NAMES);
  }

  static CriterionResult judged(RunStats run) {
    return Criteria.evaluate(List.of(LIMIT), run, Map.of(), null).getFirst();
  }

  @Test
  void noiseOnAFlatTargetDoesNotFailTheCriterion() {
    // the first of the noisy runs whose point estimate, by chance alone, is far above the limit
    CriterionResult c = java.util.stream.LongStream.range(0, 50).mapToObj(seed -> judged(steady(seed, 0)))
        .filter(r -> r.actual() > 100).findFirst().orElseThrow();
    assertThat(c.estimated()).isTrue();
    assertThat(c.low()).as("the interval takes in no drift at all").isLessThan(0);
    assertThat(c.high()).isGreaterThan(c.actual());
    assertThat(c.passed()).as(Units.of(c)).isTrue();
    assertThat(Units.of(c)).matches("\\+[\\d,]+%/h \\(95% interval -[\\d,]+%/h to \\+[\\d,]+%/h\\)");
  }

  @Test
  void noiseAloneFailsItNoMoreOftenThanTheIntervalAllows() {
    int byPoint = 0, byInterval = 0, runs = 200;
    for (long seed = 0; seed < runs; seed++) {
      CriterionResult c = judged(steady(seed, 0));
      if (!LIMIT.holds(c.actual())) byPoint++;
      if (!c.passed()) byInterval++;
    }
    assertThat(byPoint).as("runs the point estimate fails").isGreaterThan(runs / 3);
    assertThat(byInterval).as("runs the interval fails: at most its 2.5 %% one-sided error, and some slack")
        .isLessThanOrEqualTo(runs * 5 / 100);
  }

  @Test
  void aLeakUnderTheSameNoiseFailsIt() {
    CriterionResult c = judged(steady(7, 0.01)); // 1 % of the start a second: 3,600 %/h
    assertThat(c.low()).as(Units.of(c)).isGreaterThan(LIMIT.value());
    assertThat(c.passed()).isFalse();
  }
}
