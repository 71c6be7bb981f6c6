package horde.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a file kept under src/test/resources/horde/report/. To accept a deliberate
 * change, run the test with {@code -Dhorde.golden.update=true} and review the diff.
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/horde/report");

  private Golden() {}

  static void check(String actual, String name) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("horde.golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
    }
    assertThat(actual).as("golden file " + file + " (regenerate with -Dhorde.golden.update=true)")
        .isEqualTo(Files.readString(file));
  }
}
