package horde.cli;

import horde.importer.Har;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code horde import har FILE}: a scenario from a browser's recording. */
@Command(name = "har", mixinStandardHelpOptions = true, sortOptions = false,
    description = "A scenario from a HAR file (a browser's dev tools: Network, Save all as HAR).")
final class ImportHarCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Option(names = "--include-static", description = "Keep style sheets, scripts, images, fonts and media.")
  boolean includeStatic;

  @Option(names = "--domain", split = ",", paramLabel = "HOST",
      description = "Keep only requests to these hosts and their subdomains.")
  List<String> domains = List.of();

  @Mixin ImportOutput output = new ImportOutput();

  @Override
  public Integer call() {
    return output.write(() -> Har.read(file, new Har.Options(includeStatic, domains)), spec);
  }
}
