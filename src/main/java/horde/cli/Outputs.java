package horde.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run's results go and how it is judged: the JSON result file, the report formats, and
 * whether warn-level criteria fail the run.
 *
 * @param json the canonical result file, or null for none
 */
record Outputs(Path json, boolean strict, boolean quiet) {

  /** Fails before any load when an output cannot be written. */
  void check() throws IOException {
    for (Path p : new Path[] {json}) {
      if (p == null) continue;
      Path parent = p.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      if (Files.isDirectory(p)) throw new IOException(p + " is a folder; give a file name");
    }
  }
}
