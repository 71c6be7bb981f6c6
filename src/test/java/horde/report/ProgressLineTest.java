package horde.report;

import static org.assertj.core.api.Assertions.assertThat;

import horde.stats.Progress;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  /** Seconds in which nothing was answered have no percentiles: a dash, not 0.00ms. */
  @Test
  void noAnswerIsADashNotZero() {
    String line = ProgressLine.format(new Progress(5, 10, 0, 0, Double.NaN, Double.NaN, Double.NaN, 0, false));
    assertThat(line).contains("p50        -").doesNotContain("0.00ms");
  }
}
