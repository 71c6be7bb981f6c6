package horde.cli;

import horde.importer.OpenApi;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code horde import openapi FILE|URL}: a scenario from an OpenAPI 3 document. */
@Command(name = "openapi", mixinStandardHelpOptions = true, sortOptions = false,
    description = "A scenario from an OpenAPI 3.0 or 3.1 document (JSON or YAML, a file or a URL).")
final class ImportOpenApiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|URL")
  String location;

  @Option(names = "--server", paramLabel = "N|URL",
      description = "The server to target: its number in the document's servers (from 1) or a URL. Default: the first.")
  String server;

  @Option(names = "--tag", split = ",", paramLabel = "TAG", description = "Only operations with one of these tags.")
  List<String> tags = List.of();

  @Option(names = "--operation", split = ",", paramLabel = "ID",
      description = "Only these operations, by operationId or as 'METHOD /path'.")
  List<String> operations = List.of();

  @Mixin ImportOutput output = new ImportOutput();

  @Override
  public Integer call() {
    return output.write(() -> OpenApi.read(location, new OpenApi.Options(server, tags, operations)), spec);
  }
}
