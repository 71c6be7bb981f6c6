package horde.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void oneWalkGivesWhatHdrHistogramGivesForEachPercentile() {
    Random random = new Random(3);
    double[] qs = new double[141];
    for (int k = 0; k < qs.length; k++) qs[k] = 100 * (1 - 1 / Math.pow(10, (k + 1) / 20.0));
    qs[qs.length - 1] = 100;
    for (int round = 0; round < 20; round++) {
      Histogram h = new Histogram(3);
      int n = 1 + random.nextInt(round < 5 ? 10 : 200_000);
      for (int i = 0; i < n; i++) h.recordValue((long) (1000 * Math.exp(random.nextGaussian() * 1.5)) + random.nextInt(3));
      long[] fast = Percentiles.of(h, qs);
      for (int k = 0; k < qs.length; k++) {
        assertThat(fast[k]).as("n=%d q=%s", n, qs[k]).isEqualTo(h.getValueAtPercentile(qs[k]));
      }
    }
    assertThat(Percentiles.of(new Histogram(3), new double[] {50, 99})).containsExactly(0, 0);
  }
}
