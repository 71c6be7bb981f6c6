package horde.scenario.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.CompareSettings;
import horde.scenario.Scenario;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenario's {@code compare:} section: how horde compare judges its runs. */
class CompareSectionTest {
  static final String TASKS = Loading.withTasks("- get: /x");

  @Test
  void everyKeyIsRead() {
    Scenario s = Loading.load(TASKS + """
        compare:
          tolerance: {latency: 10%, latency_min: 20ms, error_rate: 1%, throughput: 7.5}
          confidence: 95%
          levels: {p99: warn, throughput: off}
        """);
    CompareSettings c = s.compare();
    assertThat(c.latencyPercent()).isEqualTo(10.0);
    assertThat(c.latencyMin()).isEqualTo(Duration.ofMillis(20));
    assertThat(c.errorRatePoints()).isEqualTo(1.0);
    assertThat(c.throughputPercent()).isEqualTo(7.5);
    assertThat(c.confidencePercent()).isEqualTo(95.0);
    assertThat(c.levels()).containsExactlyInAnyOrderEntriesOf(Map.of("p99", CompareSettings.Level.WARN, "throughput",
        CompareSettings.Level.OFF));
    assertThat(CompareSettings.fromMap(c.asMap())).isEqualTo(c);
  }

  @Test
  void withoutASectionTheDefaultsHold() {
    assertThat(Loading.load(TASKS).compare()).isEqualTo(CompareSettings.NONE);
  }

  @Test
  void mistakesAreNamedWhereTheyAre() {
    assertThat(Loading.problems(TASKS + """
        compare:
          tolerance: {latency: fast, latencymin: 5ms}
          confidence: 100%
          levels: {p97: warn, p95: maybe}
        """)).containsExactly(
        "5:24 compare.tolerance.latency: expected a percentage like 5%, found 'fast'",
        "5:30 unknown key 'latencymin' in a mapping with latency, latency_min, error_rate and throughput (did you mean"
            + " 'latency_min'?)",
        "6:15 compare.confidence: expected a percentage above 50% and below 100%, like 95%",
        "7:12 compare.levels: unknown measure 'p97' (did you mean 'p95'?); measures: p50, p95, p99, error_rate, throughput,"
            + " ttft_p50, ttft_p95, itl_p50, itl_p95",
        "7:28 compare.levels.p95: expected fail, warn or off, found 'maybe'");
  }
}
