package horde.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import horde.scenario.SeriesQuery;
import org.junit.jupiter.api.Test;

/** Queries over two scrapes, with answers worked out by hand (and as Prometheus defines them). */
class EvaluationTest {
  private static final String BEFORE = """
      # TYPE q gauge
      q{queue="a"} 3
      q{queue="b"} 4
      # TYPE req_total counter
      req_total{status="200"} 100
      req_total{status="503"} 10
      req_total{status="504"} 50
      # TYPE hits_total counter
      hits_total 60
      # TYPE misses_total counter
      misses_total 40
      # TYPE lat_seconds histogram
      lat_seconds_bucket{le="0.1"} 10
      lat_seconds_bucket{le="0.5"} 20
      lat_seconds_bucket{le="1"} 30
      lat_seconds_bucket{le="+Inf"} 30
      """;
  private static final String NOW = """
      # TYPE q gauge
      q{queue="a"} 5
      q{queue="b"} 1
      # TYPE req_total counter
      req_total{status="200"} 300
      req_total{status="503"} 30
      req_total{status="504"} 5
      # TYPE hits_total counter
      hits_total 90
      # TYPE misses_total counter
      misses_total 50
      # TYPE lat_seconds histogram
      lat_seconds_bucket{le="0.1"} 50
      lat_seconds_bucket{le="0.5"} 80
      lat_seconds_bucket{le="1"} 130
      lat_seconds_bucket{le="+Inf"} 130
      """;

  private static double eval(String query) throws Exception {
    return Evaluation.value(SeriesQuery.parse(query), Exposition.parse(NOW), Exposition.parse(BEFORE), 2.0);
  }

  @Test
  void aGaugeAsItIsSummedOverWhatItMatches() throws Exception {
    assertThat(eval("q")).isEqualTo(6);
    assertThat(eval("q{queue=\"a\"}")).isEqualTo(5);
    assertThat(eval("max(q)")).isEqualTo(5);
    assertThat(eval("min(q)")).isEqualTo(1);
    assertThat(eval("avg(q)")).isEqualTo(3);
    assertThat(eval("count(q)")).isEqualTo(2);
    assertThat(eval("nothing_here")).isNaN();
  }

  @Test
  void rateOfACounterOverTheScrapeIntervalWithResets() throws Exception {
    assertThat(eval("rate(req_total{status=\"200\"})")).isEqualTo(100); // 200 more in 2 s
    // 503: +20; 504 went from 50 to 5: a reset, so 5 since it
    assertThat(eval("rate(req_total{status=~\"5..\"})")).isEqualTo((20 + 5) / 2.0);
    assertThat(eval("rate(req_total{status!~\"5..\"})")).isEqualTo(100);
    assertThat(eval("sum(rate(req_total))")).isEqualTo((200 + 20 + 5) / 2.0);
    assertThat(Evaluation.value(SeriesQuery.parse("rate(req_total)"), null, null, 1)).isNaN();
  }

  @Test
  void aRatioOfTwoSeries() throws Exception {
    assertThat(eval("rate(hits_total) / (rate(hits_total) + rate(misses_total))")).isCloseTo(30.0 / 40, within(1e-12));
    assertThat(eval("1 - q{queue=\"b\"} / q")).isCloseTo(1 - 1.0 / 6, within(1e-12));
    assertThat(eval("q / (q - q)")).isNaN();
  }

  @Test
  void histogramQuantileOfTheNewObservationsAsPrometheusInterpolates() throws Exception {
    // new observations: 40 at or under 0.1, 20 in (0.1, 0.5], 40 in (0.5, 1]: 100 in all
    assertThat(eval("histogram_quantile(0.5, lat_seconds)")).isCloseTo(0.1 + 0.4 * 10 / 20, within(1e-12));
    assertThat(eval("histogram_quantile(0.2, lat_seconds_bucket)")).isCloseTo(0.1 * 20 / 40, within(1e-12));
    assertThat(eval("histogram_quantile(0.95, lat_seconds)")).isCloseTo(0.5 + 0.5 * 35 / 40, within(1e-12));
    assertThat(eval("histogram_quantile(1, lat_seconds)")).isEqualTo(1);
    assertThat(Evaluation.value(SeriesQuery.parse("histogram_quantile(0.5, lat_seconds)"), Exposition.parse(NOW),
        Exposition.parse(NOW), 1)).as("no new observation: no value").isNaN();
  }
}
