package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control thread's view of a {@link LoadControl}, tick by tick, without a network. */
class SteeringTest {
  static long s(double seconds) {
    return (long) (seconds * 1e9);
  }

  @Test
  void followsTheShapeUntilSteeredThenRampsFromWhereItWas() {
    LoadControl control = new LoadControl();
    Steering steering = new Steering(control);
    assertThat(steering.value(s(1), 10)).isEqualTo(10);
    control.steer(20, 5);
    assertThat(steering.value(s(1), 10)).isEqualTo(10);
    assertThat(steering.value(s(2), 10)).isEqualTo(15);
    assertThat(steering.value(s(3), 99)).as("the shape no longer rules").isEqualTo(20);
    assertThat(steering.value(s(9), 99)).isEqualTo(20);
    assertThat(control.current()).isEqualTo(20);
    control.steer(0, Double.POSITIVE_INFINITY);
    assertThat(steering.value(s(9.01), 99)).as("at once").isZero();
  }

  @Test
  void aPauseHoldsTheLoadAndStopsTheShapesClock() {
    LoadControl control = new LoadControl();
    Steering steering = new Steering(control);
    assertThat(steering.shapeNanos(s(1))).isEqualTo(s(1));
    assertThat(steering.value(s(1), 10)).isEqualTo(10);
    control.pause();
    assertThat(steering.shapeNanos(s(2))).as("the tick that sees the pause").isEqualTo(s(2));
    assertThat(steering.value(s(2), 50)).as("held").isEqualTo(10);
    assertThat(steering.shapeNanos(s(4))).isEqualTo(s(2));
    control.resume();
    assertThat(steering.shapeNanos(s(4.5))).as("2.5 s paused").isEqualTo(s(2));
    assertThat(steering.pausedNanos()).isEqualTo(s(2.5));
    assertThat(steering.value(s(2), 50)).isEqualTo(50);
  }

  @Test
  void aRampWaitsOutAPause() {
    LoadControl control = new LoadControl();
    Steering steering = new Steering(control);
    steering.value(steering.shapeNanos(0), 0);
    control.steer(100, 10);
    assertThat(steering.value(steering.shapeNanos(s(0)), 0)).isZero();
    assertThat(steering.value(steering.shapeNanos(s(2)), 0)).isEqualTo(20);
    control.pause();
    assertThat(steering.value(steering.shapeNanos(s(2.01)), 0)).isEqualTo(20);
    assertThat(steering.value(steering.shapeNanos(s(7)), 0)).isEqualTo(20);
    control.resume();
    assertThat(steering.value(steering.shapeNanos(s(8)), 0)).isCloseTo(20, org.assertj.core.data.Offset.offset(0.2));
    assertThat(steering.value(steering.shapeNanos(s(9)), 0)).as("one second of ramp since the pause")
        .isCloseTo(30, org.assertj.core.data.Offset.offset(0.2));
  }

  @Test
  void theLoadHoldsOnAFlatShapeAtTheEndOfASteeredRampAndWhilePaused() {
    LoadControl control = new LoadControl();
    Steering steering = new Steering(control);
    steering.value(s(1), 10);
    assertThat(steering.holds(10)).as("flat").isTrue();
    assertThat(steering.holds(11)).as("the shape rises ahead").isFalse();
    control.steer(20, 10);
    steering.value(s(1), 10);
    assertThat(steering.holds(10)).as("a steered ramp under way").isFalse();
    steering.value(s(2), 10);
    assertThat(steering.holds(99)).as("at its target, whatever the shape").isTrue();
    control.pause();
    steering.shapeNanos(s(3));
    assertThat(steering.holds(99)).as("paused").isTrue();
  }

  @Test
  void aCommandWakesTheControlThreadFromAQuietTick() throws Exception {
    LoadControl control = new LoadControl();
    java.util.concurrent.CountDownLatch shaped = new java.util.concurrent.CountDownLatch(1);
    long[] slept = new long[1];
    Thread engine = Thread.ofPlatform().start(() -> {
      new Steering(control);
      shaped.countDown();
      long start = System.nanoTime();
      java.util.concurrent.locks.LockSupport.parkNanos(s(30));
      slept[0] = System.nanoTime() - start;
    });
    shaped.await();
    Thread.sleep(100);
    control.steer(5, 1);
    engine.join(s(20) / 1_000_000);
    assertThat(engine.isAlive()).as("still asleep after the command").isFalse();
    assertThat(slept[0]).isLessThan(s(20));
  }

  @Test
  void aNewShapeForgetsTheLastTarget() {
    LoadControl control = new LoadControl();
    control.steer(5, 1);
    new Steering(control);
    assertThat(control.target()).isNull();
    assertThat(new Steering(control).value(0, 3)).isEqualTo(3);
  }

  @Test
  void refusesANegativeTargetOrNoRamp() {
    LoadControl control = new LoadControl();
    assertThatThrownBy(() -> control.steer(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> control.steer(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> control.steer(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFollowedRateSpacesArrivalsEvenlyAcrossTicks() {
    RateFollower f = new RateFollower(null);
    List<Long> at = new ArrayList<>();
    for (int tick = 0; tick < 100; tick++) f.advance(s(tick * 0.01), s(0.01), 50, at::add);
    assertThat(at).hasSize(50);
    for (int i = 1; i < at.size(); i++) assertThat(at.get(i) - at.get(i - 1)).isBetween(s(0.0199), s(0.0201));
    f.advance(s(1), s(1), 0, at::add);
    assertThat(at).as("no arrivals at rate 0").hasSize(50);
  }

  @Test
  void aFollowedPoissonRateKeepsItsMean() {
    RateFollower f = new RateFollower(new java.util.SplittableRandom(7));
    long[] n = {0};
    for (int tick = 0; tick < 10_000; tick++) f.advance(s(tick * 0.01), s(0.01), 200, t -> n[0]++);
    assertThat(n[0]).as("200/s for 100 s").isBetween(19_500L, 20_500L);
  }

  @Test
  void theScheduleTellsItsRateAtAnyMoment() {
    ArrivalSchedule ramp = ArrivalSchedule.of(new horde.scenario.LoadProfile.Open(10, List.of(
        new horde.scenario.LoadProfile.RateStage(java.time.Duration.ofSeconds(10), 110),
        new horde.scenario.LoadProfile.RateStage(java.time.Duration.ofSeconds(10), 110)), 100,
        horde.scenario.LoadProfile.Open.Arrivals.CONSTANT, java.time.Duration.ZERO), 1);
    assertThat(ramp.rateAt(0)).isEqualTo(10);
    assertThat(ramp.rateAt(s(5))).isEqualTo(60);
    assertThat(ramp.rateAt(s(15))).isEqualTo(110);
    assertThat(ramp.rateAt(s(20))).isZero();
  }
}
