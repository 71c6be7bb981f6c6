package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import horde.scenario.LoadProfile;
import horde.scenario.LoadProfile.RateStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {
  static List<Long> all(ArrivalSchedule s) {
    List<Long> out = new ArrayList<>();
    for (long t = s.next(); t >= 0; t = s.next()) out.add(t);
    return out;
  }

  @Test
  void aConstantRateIsEvenlySpacedFromTheStart() {
    List<Long> t = all(ArrivalSchedule.of(LoadProfile.Open.constant(50, Duration.ofSeconds(2), 10), 1));
    assertThat(t).hasSize(100);
    assertThat(t.get(0)).isZero();
    assertThat(t.get(1)).isEqualTo(20_000_000L);
    assertThat(t.get(99)).isEqualTo(1_980_000_000L);
  }

  @Test
  void aRampFollowsTheIntegralOfTheRate() {
    // 0 -> 100/s over 10 s: 500 arrivals, k-th at sqrt(2k/10) s
    LoadProfile.Open ramp = new LoadProfile.Open(0, List.of(new RateStage(Duration.ofSeconds(10), 100)), 10, null, null);
    List<Long> t = all(ArrivalSchedule.of(ramp, 1));
    assertThat(t).hasSize(500);
    assertThat(t.get(250) / 1e9).isCloseTo(Math.sqrt(2 * 250 / 10.0), within(1e-6));
    assertThat(t.get(499) / 1e9).isCloseTo(Math.sqrt(2 * 499 / 10.0), within(1e-6));
    for (int i = 1; i < t.size(); i++) assertThat(t.get(i)).isGreaterThanOrEqualTo(t.get(i - 1));
  }

  @Test
  void stagesChainAndAZeroRateStageIsSilent() {
    LoadProfile.Open shape = new LoadProfile.Open(10, List.of(
        new RateStage(Duration.ofSeconds(1), 10), new RateStage(Duration.ZERO, 0),
        new RateStage(Duration.ofSeconds(1), 0), new RateStage(Duration.ZERO, 20),
        new RateStage(Duration.ofSeconds(1), 20)), 10, null, null);
    List<Long> t = all(ArrivalSchedule.of(shape, 1));
    assertThat(t).hasSize(30);
    assertThat(t.stream().filter(x -> x >= 1_000_000_000L && x < 2_000_000_000L)).isEmpty();
    assertThat(t.get(10)).isEqualTo(2_000_000_000L);
    assertThat(t.get(11)).isEqualTo(2_050_000_000L);
  }

  @Test
  void poissonArrivalsHaveTheRateAndExponentialGaps() {
    LoadProfile.Open open = new LoadProfile.Open(200, List.of(new RateStage(Duration.ofSeconds(100), 200)), 10,
        LoadProfile.Open.Arrivals.POISSON, null);
    List<Long> t = all(ArrivalSchedule.of(open, 7));
    assertThat(t.size()).isCloseTo(20_000, within(600));
    double mean = 0, sq = 0;
    for (int i = 1; i < t.size(); i++) {
      double gap = (t.get(i) - t.get(i - 1)) / 1e9;
      mean += gap;
      sq += gap * gap;
    }
    mean /= t.size() - 1;
    double sd = Math.sqrt(sq / (t.size() - 1) - mean * mean);
    assertThat(mean).isCloseTo(0.005, within(0.0002));
    assertThat(sd / mean).isCloseTo(1.0, within(0.05)); // exponential: sd equals mean
    assertThat(all(ArrivalSchedule.of(open, 7))).isEqualTo(t); // the seed makes it repeatable
  }

  @Test
  void aRateFunctionIsFollowedMillisecondByMillisecond() {
    LoadProfile.RateShape shape = new LoadProfile.RateShape(t -> t.toMillis() < 1000 ? 10 : 30, Duration.ofSeconds(2), 10, null);
    List<Long> t = all(ArrivalSchedule.of(shape));
    assertThat(t).hasSize(40);
    assertThat(t.stream().filter(x -> x < 1_000_000_000L)).hasSize(10);
    assertThat(t.get(10)).isEqualTo(1_000_000_000L);
    assertThat(t.get(11) - t.get(10)).isCloseTo(33_333_333L, within(1_000_000L));
  }
}
