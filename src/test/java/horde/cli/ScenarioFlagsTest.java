package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.Scenario;
import horde.scenario.yaml.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a cluster's workers get of the command line: every change to the scenario, as the coordinator made it. */
class ScenarioFlagsTest {
  @Test
  void everyChangeSurvivesTheTripToAWorker() {
    ScenarioFlags flags = new ScenarioFlags("http://127.0.0.1:9", true, List.of("a", "b"), true,
        new LoadOverrides(40, 4.0, "1m", null, null, "10s"), null);
    assertThat(ScenarioFlags.of(flags.asMap())).isEqualTo(flags);
    ScenarioFlags none = new ScenarioFlags(null, false, null, false, new LoadOverrides(null, null, null, 100L, 5, null),
        null);
    assertThat(ScenarioFlags.of(none.asMap())).isEqualTo(none);
    ScenarioFlags search = new ScenarioFlags(null, false, null, false, new LoadOverrides(null, null, null, null, null, null),
        "users=10..200");
    assertThat(ScenarioFlags.of(search.asMap())).isEqualTo(search);
  }

  @Test
  void choosingClassesAndEqualWeightsKeepsTheRestOfTheScenario() throws Exception {
    String capacity = Files.readString(Path.of("examples/capacity.yaml")); // a monitor and a search
    Scenario s = ScenarioLoader.parse(capacity + "compare: {confidence: 95%}\n", "capacity.yaml", Path.of("."));
    ScenarioFlags flags = new ScenarioFlags(null, false, List.of("chatter"), true,
        new LoadOverrides(null, null, null, null, null, null), null);
    Scenario changed = flags.apply(s, new PrintWriter(new StringWriter()));
    assertThat(changed.monitor()).isNotNull().isEqualTo(s.monitor());
    assertThat(changed.search()).isNotNull().isEqualTo(s.search());
    assertThat(changed.compare()).isEqualTo(s.compare());
  }
}
