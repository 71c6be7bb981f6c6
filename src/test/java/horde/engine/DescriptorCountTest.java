package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How often the open descriptors are counted, on a clock the test moves, sockets the test opens,
 * and a count that takes the time it is told: the sockets and other descriptors, one more of
 * which each count finds (a figure from a count, not from the sockets since, shows by that one).
 */
class DescriptorCountTest {
  private static final long MS = 1_000_000, SECOND = 1000 * MS, LIMIT = 65_536;

  private long now;
  private long counted;
  private long cost;
  private long sockets;

  private final DescriptorCount files = new DescriptorCount(() -> {
    now += cost;
    return ++counted + sockets;
  }, () -> sockets, () -> now);

  @Test
  void aCheapCountIsTakenEverySecond() {
    cost = MS / 10;
    for (int second = 1; second <= 5; second++) {
      now += SECOND;
      assertThat(files.open(LIMIT)).isEqualTo(second);
    }
  }

  @Test
  void aCostlyCountWaitsAThousandTimesWhatItTookFollowingTheSocketsMeanwhile() {
    cost = 9 * MS;
    counted = 10_000;
    now += SECOND;
    assertThat(files.open(LIMIT)).isEqualTo(10_001);
    for (int second = 2; second <= 9; second++) {
      now += SECOND;
      sockets += 100;
      assertThat(files.open(LIMIT)).as("second %d: the last count and the sockets since", second)
          .isEqualTo(10_001 + sockets);
    }
    sockets -= 300;
    now += SECOND;
    assertThat(files.open(LIMIT)).as("9 s after a 9 ms count").isEqualTo(10_002 + 500);
    sockets -= 50;
    assertThat(files.open(LIMIT)).isEqualTo(10_002 + 450);
  }

  @Test
  void fromHalfTheLimitEveryCallCounts() {
    cost = 9 * MS;
    counted = 30_000;
    now += SECOND;
    assertThat(files.open(LIMIT)).isEqualTo(30_001);
    sockets += 3_000;
    now += SECOND;
    assertThat(files.open(LIMIT)).as("the sockets took it past half: counted").isEqualTo(30_002 + 3_000);
    now += SECOND;
    assertThat(files.open(LIMIT)).isEqualTo(30_003 + 3_000);
    assertThat(files.open(-1)).as("no limit known: spaced as usual").isEqualTo(30_003 + 3_000);
  }
}
