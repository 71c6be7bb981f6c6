package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.LoadProfile;
import horde.scenario.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shares of a run's load add up to the whole, every unit in exactly one, each within one of its part. */
class ShareTest {
  static List<Share> shares(int... weights) {
    List<Share> out = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) out.add(Share.of(i, weights));
    return out;
  }

  @Test
  void countsAddUpToTheWholeAndStayWithinOneOfTheirPart() {
    for (int[] weights : List.of(new int[] {1, 1, 1}, new int[] {1, 2, 3}, new int[] {5}, new int[] {3, 1, 1, 1, 7})) {
      List<Share> shares = shares(weights);
      int total = java.util.Arrays.stream(weights).sum();
      for (long n = 0; n < 500; n++) {
        long sum = 0;
        for (Share s : shares) {
          long c = s.count(n);
          assertThat((double) c).isCloseTo(n * (double) weights[s.index()] / total, org.assertj.core.data.Offset.offset(1.0));
          assertThat(c).as("never fewer as the whole grows").isGreaterThanOrEqualTo(s.count(n - 1));
          sum += c;
        }
        assertThat(sum).isEqualTo(n);
      }
    }
  }

  @Test
  void everyUnitIsOneSharesAndItsUserIdsAreUniqueAcrossShares() {
    List<Share> shares = shares(2, 1, 1);
    Set<Long> ids = new HashSet<>();
    for (long k = 0; k < 1000; k++) {
      long k0 = k;
      assertThat(shares.stream().filter(s -> s.owns(k0)).count()).isEqualTo(1);
    }
    for (Share s : shares) {
      for (long k = 0; k < s.count(1000); k++) {
        long unit = s.unit(k);
        assertThat(s.owns(unit)).isTrue();
        assertThat(ids.add(unit)).isTrue();
      }
    }
    assertThat(ids).hasSize(1000);
  }

  @Test
  void theWorkersArrivalsAreExactlyTheWholeSchedule() {
    LoadProfile.Open open = new LoadProfile.Open(10, List.of(new LoadProfile.RateStage(Duration.ofSeconds(4), 200)), 100,
        LoadProfile.Open.Arrivals.POISSON, null);
    List<Long> whole = drain(ArrivalSchedule.of(open, 7));
    List<Long> union = new ArrayList<>();
    for (Share s : shares(1, 1, 1)) {
      List<Long> mine = drain(ArrivalSchedule.of(open, 7).only(s));
      assertThat((long) mine.size()).isEqualTo(s.count(whole.size()));
      union.addAll(mine);
    }
    union.sort(null);
    assertThat(union).isEqualTo(whole);
  }

  @Test
  void usersOverTimeAddUpToTheWholeAtEveryMoment() {
    LoadProfile staged = new LoadProfile.Staged(List.of(new Stage(Duration.ofSeconds(10), 100), new Stage(Duration.ofSeconds(5), 7)), null);
    LoadShape whole = LoadShape.of(staged);
    List<LoadShape> parts = shares(1, 1, 1).stream().map(s -> s.shape(staged)).toList();
    for (long t = 0; t < 16_000_000_000L; t += 37_000_000L) {
      long t0 = t;
      assertThat(parts.stream().mapToInt(p -> p.usersAt(t0)).sum()).isEqualTo(whole.usersAt(t));
    }
  }

  @Test
  void aFixedCountSplitsItsRequestsExactlyAndGivesEveryWorkerWithRequestsAUser() {
    LoadProfile.FixedCount f = new LoadProfile.FixedCount(1000, 2, null, null);
    List<Share> shares = shares(1, 1, 1);
    assertThat(shares.stream().mapToLong(s -> s.requests(f)).sum()).isEqualTo(1000);
    for (Share s : shares) assertThat(s.shape(f).usersAt(0)).isEqualTo(1);
  }

  private static List<Long> drain(ArrivalSchedule s) {
    List<Long> out = new ArrayList<>();
    for (long t = s.next(); t >= 0; t = s.next()) out.add(t);
    return out;
  }
}
