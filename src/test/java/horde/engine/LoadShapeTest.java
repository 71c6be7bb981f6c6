package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.Stage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadShapeTest {
  static long s(double seconds) {
    return (long) (seconds * 1e9);
  }

  @Test
  void spawnsAtTheRateUpToTheUsersThenStops() {
    LoadShape shape = LoadShape.spawning(100, 10, Duration.ofSeconds(60));
    assertThat(shape.usersAt(0)).isEqualTo(1);
    assertThat(shape.usersAt(s(0.95))).isEqualTo(10);
    assertThat(shape.usersAt(s(5))).isEqualTo(51);
    assertThat(shape.usersAt(s(9.9))).isEqualTo(100);
    assertThat(shape.usersAt(s(59.9))).isEqualTo(100);
    assertThat(shape.usersAt(s(60))).isZero();
    assertThat(shape.durationNanos()).isEqualTo(s(60));
  }

  @Test
  void stagesRampLinearlyFromTheLastTarget() {
    LoadShape burst = LoadShape.stages(List.of(
        new Stage(Duration.ofSeconds(10), 200), new Stage(Duration.ofSeconds(10), 200), new Stage(Duration.ofSeconds(10), 10)));
    assertThat(burst.usersAt(0)).isZero();
    assertThat(burst.usersAt(s(5))).isEqualTo(100);
    assertThat(burst.usersAt(s(10))).isEqualTo(200);
    assertThat(burst.usersAt(s(15))).isEqualTo(200);
    assertThat(burst.usersAt(s(25))).isEqualTo(105);
    assertThat(burst.usersAt(s(29.99))).isEqualTo(10);
    assertThat(burst.usersAt(s(30))).isZero();
  }

  @Test
  void aZeroLengthStageJumps() {
    LoadShape step = LoadShape.stages(List.of(new Stage(Duration.ZERO, 50), new Stage(Duration.ofSeconds(10), 50)));
    assertThat(step.usersAt(0)).isEqualTo(50);
    assertThat(step.usersAt(s(9))).isEqualTo(50);
  }
}
