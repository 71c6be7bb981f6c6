package horde.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code horde import har|openapi|curl}: a starter scenario from a browser recording, an OpenAPI
 * document or curl commands (docs/import.md).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Write a starter scenario from a HAR recording, an OpenAPI document or curl commands.",
    subcommands = {ImportHarCommand.class, ImportOpenApiCommand.class, ImportCurlCommand.class})
final class ImportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
