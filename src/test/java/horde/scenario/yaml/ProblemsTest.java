package horde.scenario.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import horde.scenario.Problem;
import horde.scenario.SourcePosition;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

class ProblemsTest {
  private final String yaml = "a: 1\nb: {c: 2}\n";
  private final Problems problems = new Problems(new Source("p.yaml", yaml));
  private final MappingNode root =
      (MappingNode) new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow();
  private final Node b = root.getValue().get(1).getValueNode();

  @Test
  void buildReturnsTheRecord() {
    assertThat(problems.build(b, () -> "made")).isEqualTo("made");
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void aRecordsOwnValidationBecomesAProblemAtTheNode() {
    assertThat(
            problems.<String>build(
                b,
                () -> {
                  throw new IllegalArgumentException("weight must be >= 0");
                }))
        .isNull();
    assertThat(problems.list())
        .containsExactly(new Problem(new SourcePosition("p.yaml", 2, 4), "weight must be >= 0"));
  }

  @Test
  void theSameProblemTwiceIsListedOnce() {
    problems.add(b, "x");
    problems.add(b, "x");
    problems.add(root, "y");
    assertThat(problems.list()).extracting(Problem::message).containsExactly("y", "x");
  }
}
