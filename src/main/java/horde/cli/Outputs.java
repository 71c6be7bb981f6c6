package horde.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run's results go and how it is judged: the JSON result file, the report formats, and
 * whether warn-level criteria fail the run.
 *
 * @param json the canonical result file, or null for none
 * @param html the self-contained HTML report, or null
 * @param csvPrefix Locust-compatible CSV files {@code PREFIX_stats.csv} etc., or null
 * @param junit JUnit XML with one test case per criterion, or null
 */
record Outputs(Path json, Path html, String csvPrefix, Path junit, boolean strict, boolean quiet) {

  Outputs(Path json, boolean strict, boolean quiet) {
    this(json, null, null, null, strict, quiet);
  }

  /** The same, with these report files (each may be null). */
  Outputs withReports(Path html, String csvPrefix, Path junit) {
    return new Outputs(json, html, csvPrefix, junit, strict, quiet);
  }

  /** Fails before any load when an output cannot be written. */
  void check() throws IOException {
    Path csv = csvPrefix == null ? null : Path.of(csvPrefix + "_stats.csv");
    for (Path p : new Path[] {json, html, csv, junit}) {
      if (p == null) continue;
      Path parent = p.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      if (Files.isDirectory(p)) throw new IOException(p + " is a folder; give a file name");
    }
  }
}
