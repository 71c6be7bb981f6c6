package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import horde.Cli;
import horde.scenario.yaml.ScenarioSchema;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code horde init} and {@code horde schema}. */
@Alone
class InitCommandTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(InitCommand.Template.class)
  void eachTemplateValidatesAndRunsAgainstTheSimulator(InitCommand.Template template)
      throws Exception {
    Path file = tmp.resolve(template + "/load.yaml");
    Cli init = Cli.run("init", "--template", template.name(), file.toString());
    assertThat(init.exitCode()).as(init.toString()).isZero();
    assertThat(init.out()).contains("Wrote " + file + " (the " + template + " template)");
    assertThat(Files.readString(file))
        .startsWith("# yaml-language-server: $schema=scenario.schema.json\n");
    assertThat(Files.readString(file.resolveSibling("scenario.schema.json")))
        .isEqualTo(ScenarioSchema.json());

    Cli validate = Cli.run("validate", file.toString());
    assertThat(validate.exitCode()).as(validate.toString()).isZero();

    // The simulator's defaults, but jobs that finish within the 2 s run.
    SimulatorOptions options =
        SimulatorOptions.defaults().toBuilder().jobDuration(Duration.ofMillis(300)).build();
    try (Simulator sim = Simulator.start(options)) {
      Cli run = Cli.run("run", file.toString(), "--host", sim.baseUrl(), "--run-time", "2s", "-q");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("Verdict: PASS");
    }
  }

  @Test
  void theDefaultIsTheChatTemplateInScenarioYaml() throws Exception {
    Path file = tmp.resolve("scenario.yaml");
    Cli init = Cli.run("init", file.toString());
    assertThat(init.exitCode()).as(init.toString()).isZero();
    assertThat(Files.readString(file)).isEqualTo(InitCommand.template(InitCommand.Template.chat));
  }

  @Test
  void itDoesNotOverwriteWithoutForce() throws Exception {
    Path file = tmp.resolve("mine.yaml");
    Files.writeString(file, "my work\n");
    Cli refused = Cli.run("init", file.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(refused.err()).contains(file + " exists; use --force to overwrite it");
    assertThat(Files.readString(file)).isEqualTo("my work\n");

    Cli forced = Cli.run("init", "--force", "-t", "rest", file.toString());
    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(Files.readString(file)).contains("name: rest");
  }

  @Test
  void itLeavesSomeoneElsesSchemaFileAlone() throws Exception {
    Path schema = tmp.resolve("scenario.schema.json");
    Files.writeString(schema, "{\"title\": \"something else\"}");
    Cli init = Cli.run("init", tmp.resolve("a.yaml").toString());
    assertThat(init.exitCode()).isZero();
    assertThat(init.out()).contains("Left " + schema.toAbsolutePath() + " as it is");
    assertThat(Files.readString(schema)).isEqualTo("{\"title\": \"something else\"}");
  }

  @Test
  void anUnknownTemplateIsAUsageError() {
    Cli cli = Cli.run("init", "--template", "graphql", tmp.resolve("x.yaml").toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).contains("chat, openai, rest");
  }

  @Test
  void schemaPrintsTheSchema() {
    Cli cli = Cli.run("schema");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo(ScenarioSchema.json());
  }
}
