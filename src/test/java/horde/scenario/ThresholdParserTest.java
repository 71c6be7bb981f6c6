package horde.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import horde.scenario.Threshold.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdParserTest {
  private static final SourcePosition AT = new SourcePosition("s.yaml", 3, 5);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "p95 < 2s           | p95        | LT | 2000",
        "p95<2s             | p95        | LT | 2000",
        "  p50 <= 250ms     | p50        | LE | 250",
        "p90 > 1.5s         | p90        | GT | 1500",
        "p99 >= 200us       | p99        | GE | 0.2",
        "p999 < 1m30s       | p999       | LT | 90000",
        "p99.9 < 3s         | p999       | LT | 3000",
        "P95 < 2s           | p95        | LT | 2000",
        "avg < 2 s          | avg        | LT | 2000",
        "max < 1h           | max        | LT | 3600000",
        "min > 0ms          | min        | GT | 0",
        "error_rate < 5%    | error_rate | LT | 5",
        "error_rate < 0.5 % | error_rate | LT | 0.5",
        "rps > 100          | rps        | GT | 100",
        "rps > 100/s        | rps        | GT | 100",
        "requests >= 1000   | requests   | GE | 1000",
        "failures < 10      | failures   | LT | 10",
        "ttft_p99.9 < 1s    | ttft_p999  | LT | 1000",
        "status_429_rate < 5% | status_429_rate | LT | 5",
        "status_5xx_count == 0 | status_5xx_count | EQ | 0",
        "status_200_count != 0 | status_200_count | NE | 0",
        "status_503_per_s < 2 | status_503_per_s | LT | 2",
        "failures_per_s < 1 | failures_per_s | LT | 1",
        "retries == 0       | retries    | EQ | 0",
      })
  void parses(String text, String metric, Comparator comparator, double value) {
    Threshold t = ThresholdParser.parse(text, "ask", Threshold.Level.WARN, AT);
    assertThat(t.metric().key()).isEqualTo(metric);
    assertThat(t.comparator()).isEqualTo(comparator);
    assertThat(t.value()).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(t.expression()).isEqualTo(text.trim());
    assertThat(t.endpoint()).isEqualTo("ask");
    assertThat(t.level()).isEqualTo(Threshold.Level.WARN);
    assertThat(t.position()).isEqualTo(AT);
  }

  @Test
  void ofMeansTheWholeRunAtFailLevel() {
    Threshold t = Threshold.of("p95 < 2s");
    assertThat(t.endpoint()).isNull();
    assertThat(t.level()).isEqualTo(Threshold.Level.FAIL);
    assertThat(t.holds(1999)).isTrue();
    assertThat(t.holds(2000)).isFalse();
  }

  /** The caret column is the 0-based offset of the error in the expression. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"                 | 0  | expected 'metric < limit'",
        "95p < 2s           | 0  | expected 'metric < limit'",
        "p955 < 2s          | 0  | unknown metric 'p955' (did you mean 'p95'?); known: p50,",
        "\"  latency < 2s\" | 2  | unknown metric 'latency'",
        "p99.5 < 2s         | 0  | unknown metric 'p99.5'",
        "p95 2s             | 4  | expected a comparison: <, <=, >, >=, == or !=",
        "p95                | 3  | expected a comparison",
        "p95 == 2s          | 4  | '==' compares counts; p95 needs <, <=, > or >=",
        "p95 = 2s           | 4  | '=' is not a comparison; use <, <=, >, >=, == or !=",
        "p95 != 2s          | 4  | '!=' compares counts",
        "status_42_rate < 5% | 0 | unknown metric 'status_42_rate'",
        "status_6xx_count < 1 | 0 | unknown metric 'status_6xx_count'",
        "status_429_rate < 5 | 19 | status_429_rate needs a percentage like 5%",
        "p95 <              | 5  | p95 needs a duration like 500ms or 2s",
        "p95 < fast         | 6  | p95 needs a duration like 500ms or 2s",
        "p95 < -1s          | 6  | p95 needs a duration",
        "p95 < 2            | 7  | p95 needs a unit: a duration like 500ms or 2s",
        "p95 < 2 parsecs    | 8  | 'parsecs' is not a time unit; use us, ms, s, m or h",
        "p95 < 2s extra     | 7  | 's extra' is not a time unit",
        "error_rate < 5     | 14 | error_rate needs a percentage like 5%",
        "error_rate < 0.05  | 17 | error_rate needs a percentage",
        "rps > 100 rps      | 10 | rps needs a number per second like 100",
        "requests > 1e3     | 12 | requests needs a whole number like 1000",
        "failures < 2.5     | 11 | failures needs a whole number",
      })
  void reportsWhereItWentWrong(String text, int offset, String message) {
    ThresholdSyntaxException e =
        catchThrowableOfType(
            ThresholdSyntaxException.class,
            () -> ThresholdParser.parse(text, null, Threshold.Level.FAIL, AT));
    assertThat(e.getMessage()).startsWith(message);
    assertThat(e.offset()).isEqualTo(offset);
  }

  @Test
  void statusMetricsCountAnswersByCodeOrClass() {
    Metric rate = ThresholdParser.parse("status_429_rate < 5%", null, Threshold.Level.FAIL, AT).metric();
    assertThat(rate.statistic()).isEqualTo(new Metric.Statistic.Share(new Metric.Count.Statuses(429, 430),
        Metric.Count.ANSWERS));
    Metric count = ThresholdParser.parse("status_5xx_count == 0", null, Threshold.Level.FAIL, AT).metric();
    assertThat(count.statistic()).isEqualTo(new Metric.Statistic.Total(new Metric.Count.Statuses(500, 600)));
  }

  /** A measure added to the registry can be judged at once: its statistics parse with its unit. */
  @Test
  void aMeasureAddedToTheRegistryCanBeJudged() {
    Measures more = Measures.BUILT_IN.with(java.util.List.of(
        Measure.histogram("queue_wait", Measure.Unit.MICROSECONDS, "time queued", Measure.Needs.NOTHING)));
    Threshold t = ThresholdParser.parse("queue_wait_p95 < 20ms", null, Threshold.Level.FAIL, AT, more);
    assertThat(t.metric().statistic()).isEqualTo(new Metric.Statistic.Of("queue_wait", Metric.Stat.P95));
    assertThat(t.value()).isEqualTo(20);
    assertThat(catchThrowableOfType(ThresholdSyntaxException.class,
        () -> ThresholdParser.parse("queue_wait_p95 < 20ms", null, Threshold.Level.FAIL, AT)).getMessage())
        .startsWith("unknown metric 'queue_wait_p95'");
  }

  @Test
  void negativeOffsetsAreClampedToZero() {
    assertThat(new ThresholdSyntaxException(-3, "x").offset()).isZero();
  }
}
