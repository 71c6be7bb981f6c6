package horde.scenario.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import horde.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/**
 * Keeps {@code docs/scenario-format.md} true: its examples load and its grammar is the parser's.
 */
class ScenarioFormatDocTest {
  private static final Path DOC = Path.of("docs/scenario-format.md");
  private static final Pattern BLOCK =
      Pattern.compile("(<!-- test: loads -->\\n)?```yaml\\n(.*?)```", Pattern.DOTALL);

  private record Block(boolean mustLoad, String yaml) {}

  private static List<Block> yamlBlocks() throws IOException {
    Matcher m = BLOCK.matcher(Files.readString(DOC));
    List<Block> out = new ArrayList<>();
    while (m.find()) out.add(new Block(m.group(1) != null, m.group(2)));
    return out;
  }

  @Test
  void examplesMarkedToLoadLoad() throws IOException {
    List<Block> complete = yamlBlocks().stream().filter(Block::mustLoad).toList();
    assertThat(complete).hasSizeGreaterThanOrEqualTo(2);
    for (Block b : complete) {
      Scenario s =
          ScenarioLoader.parse(b.yaml(), "doc.yaml", Loading.folder(ScenarioFormatDocTest.class));
      assertThat(s.users()).isNotEmpty();
    }
  }

  @Test
  void theFirstExampleIsShort() throws IOException {
    assertThat(yamlBlocks().getFirst().mustLoad()).isTrue();
    assertThat(yamlBlocks().getFirst().yaml().lines().count()).isLessThanOrEqualTo(12);
  }

  @Test
  void everyYamlBlockIsValidYaml() throws IOException {
    for (Block b : yamlBlocks()) {
      assertThatCode(() -> new Compose(LoadSettings.builder().build()).composeString(b.yaml()))
          .as(b.yaml())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void theThresholdGrammarIsTheParsers() throws IOException {
    String source = Files.readString(Path.of("src/main/java/horde/scenario/ThresholdParser.java"));
    Matcher javadoc = Pattern.compile("<pre>\\n(.*?) \\* </pre>", Pattern.DOTALL).matcher(source);
    assertThat(javadoc.find()).isTrue();
    String grammar =
        javadoc.group(1).replaceAll("(?m)^ \\* ?", "").replace("&lt;", "<").replace("&gt;", ">");
    assertThat(Files.readString(DOC)).contains("```text\n" + grammar + "```");
  }
}
