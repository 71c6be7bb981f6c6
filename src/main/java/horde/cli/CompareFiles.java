package horde.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The files a comparison can write. */
final class CompareFiles {
  @Option(names = "--html", paramLabel = "FILE", description = "Write the comparison as a self-contained HTML page.")
  Path html;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the comparison as JSON.")
  Path json;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML, a test case per endpoint and measure.")
  Path junit;

  CompareReports reports(boolean strict) {
    return new CompareReports(html, json, junit, strict);
  }
}
