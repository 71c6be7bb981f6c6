package horde.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import horde.stats.TargetSample;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's scrapes of the target, by second: a merged second gets what was taken as that
 * second ended on the coordinator's clock, however late the workers' reports make its merge.
 */
class TargetSecondsTest {
  /** The n-th take of the target: {"taken": n}. */
  static Supplier<TargetSample> counting() {
    int[] n = {0};
    return () -> new TargetSample(Map.of("taken", (double) ++n[0]), 0);
  }

  @Test
  void aSecondMergedLateGetsTheTargetAsItWasWhenItEnded() {
    TargetSeconds seconds = TargetSeconds.of(counting(), 1_000_000);
    seconds.tick(1_500_000); // half way into second 0: nothing taken yet
    seconds.tick(2_000_000); // second 0 ends: take 1
    seconds.tick(3_100_000); // second 1 ends: take 2
    // second 0 is merged only now, 3.5 s into the phase, when the slowest worker's report came in
    assertThat(seconds.take(0, 4_500_000).value("taken")).isEqualTo(1);
    assertThat(seconds.take(1, 4_500_000).value("taken")).isEqualTo(2);
    assertThat(seconds.take(2, 4_500_000).value("taken")).as("taken as it ended, at 4 s").isEqualTo(3);
    // the last short piece, merged before its second ended: the values of now
    assertThat(seconds.take(3, 4_600_000).value("taken")).isEqualTo(4);
  }

  @Test
  void notWatchedIsNull() {
    TargetSeconds seconds = TargetSeconds.of(null, 0);
    seconds.tick(5_000_000);
    assertThat(seconds.take(0, 5_000_000)).isNull();
  }
}
