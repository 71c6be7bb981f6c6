package horde.cli;

import horde.importer.Curl;
import horde.importer.CurlLines;
import horde.importer.ImportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code horde import curl 'curl ...'}: a scenario from curl commands, one task each. */
@Command(name = "curl", mixinStandardHelpOptions = true, sortOptions = false,
    description = "A scenario from curl commands, each quoted as one argument: horde import curl 'curl https://...'.")
final class ImportCurlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "A curl command line, quoted.")
  List<String> commands = new ArrayList<>();

  @Option(names = {"-f", "--file"}, paramLabel = "FILE",
      description = "Read curl commands from FILE (- for standard input): one a line, \\ continues a line, # comments.")
  String file;

  @Mixin ImportOutput output = new ImportOutput();

  @Override
  public Integer call() {
    return output.write(() -> {
      List<String> all = new ArrayList<>(commands);
      if (file != null) all.addAll(CurlLines.split(read(file)));
      if (all.isEmpty()) throw new ImportException("give a curl command ('curl https://...') or --file FILE");
      return Curl.read(all);
    }, spec);
  }

  private static String read(String file) throws ImportException {
    try {
      return file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
