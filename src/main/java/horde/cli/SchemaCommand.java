package horde.cli;

import horde.scenario.yaml.ScenarioSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code horde schema}: prints the JSON Schema of scenario files, for editors. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionInfo.class,
    description = "Print the JSON Schema of scenario files, for editor completion and checks.",
    footer = {
      "",
      "  horde schema > scenario.schema.json",
      "then start a scenario with: # yaml-language-server: $schema=scenario.schema.json",
      "(VS Code's YAML extension, IntelliJ). See docs/scenario-format.md."
    })
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(ScenarioSchema.json());
    spec.commandLine().getOut().flush();
    return ExitCode.PASS;
  }
}
