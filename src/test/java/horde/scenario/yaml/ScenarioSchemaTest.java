package horde.scenario.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import horde.plan.Planner;
import horde.scenario.InvalidScenarioException;
import horde.scenario.Scenario;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema for editors: the committed file is what the generator writes, files the loader
 * accepts are valid against it, and it does reject mistakes.
 */
class ScenarioSchemaTest {
  private static final Path COMMITTED = Path.of("docs/scenario.schema.json");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(ScenarioSchema.json());

  @Test
  void theCommittedSchemaIsTheGeneratorsOwn() throws IOException {
    assertThat(Files.readString(COMMITTED))
        .as(
            "docs/scenario.schema.json is not what the loader's definitions give; regenerate it"
                + " with: ./horde schema > docs/scenario.schema.json")
        .isEqualTo(ScenarioSchema.json());
  }

  /** A YAML document meant to be a valid scenario, and where it comes from. */
  record Sample(String from, String yaml, Path folder) {
    @Override
    public String toString() {
      return from;
    }
  }

  static Stream<Sample> validScenarios() throws IOException {
    List<Sample> out = new ArrayList<>();
    for (String doc : List.of("docs/scenario-format.md", "README.md")) {
      Matcher m =
          Pattern.compile("<!-- test: loads -->\\n```yaml\\n(.*?)```", Pattern.DOTALL)
              .matcher(Files.readString(Path.of(doc)));
      for (int i = 1; m.find(); i++)
        out.add(
            new Sample(
                doc + " example " + i, m.group(1), Loading.folder(ScenarioFormatDocTest.class)));
    }
    for (Path dir :
        List.of(
            Path.of("src/main/resources/horde/init"),
            Path.of("src/main/resources/horde/demo"),
            Path.of("examples"))) {
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList())
          out.add(new Sample(f.toString(), Files.readString(f), f.getParent()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validScenarios")
  void scenariosInTheDocsTemplatesAndExamplesLoadPlanAndAreValid(Sample s) {
    Scenario loaded = ScenarioLoader.parse(s.yaml(), "sample.yaml", s.folder());
    new Planner(Map.of()).plan(loaded); // every name they use is defined
    assertThat(errors(s.yaml())).as(s.from()).isEmpty();
  }

  /** Every test fixture the loader accepts, the schema accepts: it is never stricter. */
  @Test
  void whatTheLoaderAcceptsTheSchemaAccepts() throws IOException {
    int accepted = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String yaml = Files.readString(f);
        try {
          ScenarioLoader.parse(yaml, f.getFileName().toString(), f.getParent());
        } catch (InvalidScenarioException e) {
          continue; // a fixture of mistakes
        }
        assertThat(errors(yaml)).as(f.toString()).isEmpty();
        accepted++;
      }
    }
    assertThat(accepted).isGreaterThanOrEqualTo(5);
  }

  /** Mutated scenarios (as in {@link LoaderFuzzTest}) that still load are valid too. */
  @Test
  void mutatedScenariosTheLoaderAcceptsAreValid() throws IOException {
    Path everything = Path.of("src/test/resources/horde/dsl/SameModelTest/everything.yaml");
    String valid = Files.readString(everything);
    java.util.Random random = new java.util.Random(20261122L);
    int loaded = 0;
    for (int run = 0; run < 2_000; run++) {
      String text = LoaderFuzzTest.mutate(valid, random);
      try {
        ScenarioLoader.parse(text, "fuzz.yaml", everything.getParent());
      } catch (InvalidScenarioException e) {
        continue;
      }
      loaded++;
      assertThat(errors(text)).as("run %d:%n%s", run, text).isEmpty();
    }
    assertThat(loaded).isGreaterThan(100);
  }

  @Test
  void mistakesAreFlagged() {
    String ok = "tasks: [get: /]\n";
    assertThat(errors("target: http://h\nusers: []\n")).isNotEmpty();
    assertThat(errors(ok + "laod: {users: 1}\n")).isNotEmpty();
    assertThat(errors(ok + "load: {users: 0}\n")).isNotEmpty();
    assertThat(errors(ok + "load: {users: 5, run_time: 30}\n")).isNotEmpty();
    assertThat(errors(ok + "load: {arrival_rate: 5/min}\n")).isNotEmpty();
    assertThat(errors(ok + "thresholds: [p95 << 2s]\n")).isNotEmpty();
    assertThat(errors(ok + "grades: [GOOD avg < 5s]\n")).isNotEmpty();
    assertThat(errors("tasks: [{steps: [{gett: /}]}]\n")).isNotEmpty();
    assertThat(errors("tasks: [{steps: [{poll: /x}]}]\n")).isNotEmpty();
    assertThat(errors("tasks: [{steps: [{loop: 2}]}]\n")).isNotEmpty();
    assertThat(errors("tasks: [{steps: [{if: {var: x}, steps: [get: /]}]}]\n")).isNotEmpty();
    assertThat(errors("tasks: [{get: relative}]\n")).isNotEmpty();
    assertThat(errors(ok + "x-anchors: {anything: [goes]}\n")).isEmpty();
    assertThat(errors(ok + "thresholds: [P95 < 2S, p99.9 < 1m30s, ttft_p95 < 500ms, cost < $5]\n"))
        .isEmpty();
  }

  private static List<String> errors(String yaml) {
    Node root =
        new Compose(LoadSettings.builder().setSchema(new CoreSchema()).build())
            .composeString(yaml)
            .orElseThrow();
    return SCHEMA.validate(json(root)).stream().map(Error::toString).toList();
  }

  /** The YAML tree as JSON, scalars typed by the YAML 1.2 core schema, as editors read them. */
  private static JsonNode json(Node node) {
    return switch (node) {
      case MappingNode m -> {
        ObjectNode o = JSON.objectNode();
        for (NodeTuple t : m.getValue())
          if (t.getKeyNode() instanceof ScalarNode k && !o.has(k.getValue()))
            o.set(k.getValue(), json(t.getValueNode()));
        yield o;
      }
      case SequenceNode s -> {
        ArrayNode a = JSON.arrayNode();
        s.getValue().forEach(item -> a.add(json(item)));
        yield a;
      }
      case ScalarNode s when s.getTag().equals(Tag.NULL) -> JSON.nullNode();
      case ScalarNode s when s.getTag().equals(Tag.BOOL) ->
          JSON.booleanNode(s.getValue().equalsIgnoreCase("true"));
      case ScalarNode s when s.getTag().equals(Tag.INT) -> {
        BigInteger n = Nodes.integer(s.getValue());
        yield n == null ? JSON.stringNode(s.getValue()) : JSON.numberNode(n);
      }
      case ScalarNode s when s.getTag().equals(Tag.FLOAT) -> {
        Double d = Nodes.decimal(s.getValue());
        yield d == null || d.isInfinite() || d.isNaN()
            ? JSON.stringNode(s.getValue())
            : JSON.numberNode(d);
      }
      case ScalarNode s -> JSON.stringNode(s.getValue());
      default -> JSON.nullNode();
    };
  }
}
