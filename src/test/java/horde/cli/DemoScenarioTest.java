package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.scenario.LoadProfile;
import horde.scenario.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the demo's scenario comes from, and how --users and --run-time reshape its ramp. No network. */
class DemoScenarioTest {
  @TempDir Path tmp;

  @Test
  void theCopyInTheJarIsExamplesDemoYaml() throws Exception {
    assertThat(DemoScenario.bundled())
        .as("src/main/resources/horde/demo/demo.yaml must be a copy of examples/demo.yaml: copy it over")
        .isEqualTo(Files.readString(Path.of("examples/demo.yaml")));
  }

  @Test
  void aCheckoutRunsItsOwnFileAndAnythingElseTheBundledCopy() {
    assertThat(DemoScenario.load(Path.of("").toAbsolutePath().toString()).source()).isEqualTo(Path.of("examples", "demo.yaml").toString());
    assertThat(DemoScenario.load(tmp.toString()).source()).isEqualTo(DemoScenario.BUNDLED);
    assertThat(DemoScenario.load(null).source()).isEqualTo(DemoScenario.BUNDLED);
  }

  @Test
  void theRampKeepsItsShapeWhenSqueezedOrShrunk() {
    DemoScenario demo = DemoScenario.load(null);
    assertThat(stages(demo.reshaped(null, null))).isEqualTo(stages(demo));
    assertThat(stages(demo.reshaped(10, Duration.ofSeconds(3))))
        .containsExactly(new Stage(Duration.ofMillis(500), 2), new Stage(Duration.ofMillis(1500), 10), new Stage(Duration.ofSeconds(1), 10));
    // Ends are rounded to whole milliseconds, so the stages still add up to the run time.
    List<Stage> tenSeconds = stages(demo.reshaped(null, Duration.ofSeconds(10)));
    assertThat(tenSeconds).extracting(Stage::duration)
        .containsExactly(Duration.ofMillis(1667), Duration.ofMillis(5000), Duration.ofMillis(3333));
    assertThat(stages(demo.reshaped(3, null))).extracting(Stage::users).containsExactly(1, 3, 3);
    assertThat(demo.reshaped(null, Duration.ofSeconds(3)).scenario().load().warmup()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aScenarioEditedToAnotherModelTakesTheFlagsAsRunDoes() {
    DemoScenario demo = DemoScenario.load(null);
    DemoScenario closed = new DemoScenario(demo.scenario().withLoad(new LoadProfile.Closed(5, 5, Duration.ofSeconds(30), null)), "x");
    assertThat(closed.reshaped(8, Duration.ofSeconds(4)).scenario().load())
        .isEqualTo(new LoadProfile.Closed(8, 8, Duration.ofSeconds(4), Duration.ZERO));
  }

  @Test
  void impossibleValuesAreRefused() {
    DemoScenario demo = DemoScenario.load(null);
    assertThatThrownBy(() -> demo.reshaped(0, null)).hasMessage("--users must be at least 1");
    assertThatThrownBy(() -> demo.reshaped(null, Duration.ZERO)).hasMessage("--run-time must be above 0");
  }

  private static List<Stage> stages(DemoScenario demo) {
    return ((LoadProfile.Staged) demo.scenario().load()).stages();
  }
}
