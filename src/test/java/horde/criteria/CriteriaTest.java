package horde.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.SourcePosition;
import horde.scenario.Threshold;
import horde.scenario.ThresholdParser;
import horde.stats.EndpointStats;
import horde.stats.RunStats;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CriteriaTest {
  /** An endpoint whose latencies are {@code millis}, with {@code failures} of them failed. */
  static EndpointStats endpoint(String name, long failures, long... millis) {
    Histogram h = new Histogram(3);
    for (long ms : millis) h.recordValue(ms * 1000);
    return EndpointStats.of(name, "GET", millis.length, failures, 0, 0, h, Map.of(), Map.of());
  }

  static RunStats run(double seconds, EndpointStats... endpoints) {
    List<EndpointStats> list = List.of(endpoints);
    return new RunStats(0, seconds, 0, seconds, list, EndpointStats.merge("Total", "", list), List.of(), 0, false);
  }

  static Threshold t(String expr, String endpoint, Threshold.Level level) {
    return ThresholdParser.parse(expr, endpoint, level, SourcePosition.UNKNOWN);
  }

  @Test
  void checksEachMetricAgainstItsLimit() {
    RunStats stats = run(10, endpoint("/a", 1, 100, 200, 300, 400), endpoint("/b", 0, 1000, 2000, 3000, 4000));
    List<CriterionResult> r = Criteria.evaluate(List.of(
        t("p50 < 400ms", null, Threshold.Level.FAIL),
        t("max <= 4.01s", null, Threshold.Level.FAIL),
        t("error_rate < 10%", null, Threshold.Level.FAIL),
        t("rps > 1", null, Threshold.Level.FAIL),
        t("requests >= 8", null, Threshold.Level.FAIL),
        t("p99 < 1s", "/a", Threshold.Level.FAIL),
        t("p99 < 1s", "/b", Threshold.Level.WARN)), stats, Map.of());
    assertThat(r).extracting(CriterionResult::passed).containsExactly(false, true, false, false, true, true, false);
    // p50 of 8 values is the 4th, 400 ms, read as the top of its histogram bucket (never under-reported)
    assertThat(r.get(0).actual()).isBetween(400.0, 400.4);
    assertThat(r.get(2).actual()).isEqualTo(12.5);
    assertThat(r.get(3).actual()).isEqualTo(0.8);
    assertThat(Verdict.of(r)).isEqualTo(Verdict.FAIL);
    assertThat(Verdict.of(r.subList(5, 7))).isEqualTo(Verdict.WARN);
    assertThat(Verdict.of(r.subList(4, 6))).isEqualTo(Verdict.PASS);
  }

  @Test
  void aTaskNameSelectsItsEndpointsMergedExactly() {
    RunStats stats = run(1, endpoint("/a", 0, 10, 20), endpoint("/b", 0, 30, 40), endpoint("/c", 0, 5000));
    List<CriterionResult> r = Criteria.evaluate(List.of(t("max < 50ms", "ask", Threshold.Level.FAIL)), stats,
        Map.of("ask", Set.of("/a", "/b")));
    assertThat(r.get(0).passed()).isTrue();
    assertThat(r.get(0).actual()).isBetween(40.0, 40.1);
  }

  @Test
  void anEndpointThatNeverAnsweredMeetsNoLatencyGoal() {
    RunStats stats = run(1, endpoint("/a", 0));
    CriterionResult r = Criteria.evaluate(List.of(t("p95 < 2s", null, Threshold.Level.FAIL)), stats, Map.of()).get(0);
    assertThat(r.passed()).isFalse();
    assertThat(r.noData()).isTrue();
  }
}
