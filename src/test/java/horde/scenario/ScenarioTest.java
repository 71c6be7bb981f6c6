package horde.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.yaml.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link Scenario#toBuilder}: the command line's changes to a scenario keep every part they do not change. */
class ScenarioTest {
  @Test
  void aBuilderStartsFromEveryPart() {
    Scenario s = ScenarioLoader.load(Path.of("examples/capacity.yaml")); // monitor and search set: parts most scenarios leave null
    assertThat(s.toBuilder()).usingRecursiveComparison().isEqualTo(s);
  }
}
