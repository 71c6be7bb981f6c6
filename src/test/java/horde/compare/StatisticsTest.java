package horde.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distributions and intervals the verdicts rest on, against published values. */
class StatisticsTest {
  @Test
  void normalQuantiles() {
    assertThat(Normal.twoSided(0.95)).isCloseTo(1.959964, within(1e-6));
    assertThat(Normal.twoSided(0.99)).isCloseTo(2.575829, within(1e-6));
    assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232, within(1e-6));
  }

  @Test
  void studentTQuantilesMatchTheTables() {
    assertThat(StudentT.twoSided(0.95, 1)).isCloseTo(12.7062, within(1e-3));
    assertThat(StudentT.twoSided(0.95, 4)).isCloseTo(2.7764, within(1e-3));
    assertThat(StudentT.twoSided(0.99, 2)).isCloseTo(9.9248, within(1e-3));
    assertThat(StudentT.twoSided(0.99, 30)).isCloseTo(2.7500, within(1e-3));
    assertThat(StudentT.twoSided(0.95, 1000)).isCloseTo(1.9623, within(1e-3));
  }

  @Test
  void newcombesWorkedExample() {
    // Newcombe (1998), Table II, example (a): 56/70 against 48/80, method 10: 0.0524 to 0.3339.
    Interval i = Proportions.difference(48, 80, 56, 70, 0.95);
    assertThat(i.low()).isCloseTo(0.0524, within(5e-4));
    assertThat(i.high()).isCloseTo(0.3339, within(5e-4));
    // and with no failures at all, example (g): 0/10 against 0/20: -0.1611 to 0.2775
    Interval zero = Proportions.difference(0, 20, 0, 10, 0.95);
    assertThat(zero.low()).isCloseTo(-0.1611, within(5e-4));
    assertThat(zero.high()).isCloseTo(0.2775, within(5e-4));
  }

  @Test
  void binomialDrawsHaveTheirMeanAndSpread() {
    SplittableRandom r = new SplittableRandom(7);
    for (long n : new long[] {30, 1000, 100_000}) {
      for (double p : new double[] {0.01, 0.5, 0.99}) {
        double sum = 0, sq = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
          long k = Binomial.draw(n, p, r);
          assertThat(k).isBetween(0L, n);
          sum += k;
          sq += (double) k * k;
        }
        double mean = sum / draws, var = sq / draws - mean * mean;
        assertThat(mean).as("n=%d p=%s", n, p).isCloseTo(n * p, within(0.05 * Math.sqrt(n * p * (1 - p)) + 0.05));
        assertThat(var).as("n=%d p=%s", n, p).isCloseTo(n * p * (1 - p), within(0.1 * n * p * (1 - p) + 0.05));
      }
    }
  }

  @Test
  void predictionIntervalOfAFewRuns() {
    // values 10, 12, 14: s = 2, t(2, 95%) = 4.303, sqrt(1 + 1/3) = 1.1547
    assertThat(Spread.halfWidth(List.of(10.0, 12.0, 14.0), 0.95)).isCloseTo(4.303 * 2 * 1.1547, within(1e-2));
    assertThat(Spread.halfWidth(List.of(10.0), 0.95)).isZero();
  }
}
