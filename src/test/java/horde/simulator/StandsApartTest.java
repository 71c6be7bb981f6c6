package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simulator "stands apart and depends on nothing above": no import of another horde package.
 */
class StandsApartTest {
  @Test
  void importsNoOtherHordePackage() throws IOException {
    Path sources = Path.of("src/main/java/horde/simulator");
    List<String> offending;
    try (Stream<Path> files = Files.list(sources)) {
      offending =
          files
              .flatMap(StandsApartTest::lines)
              .filter(l -> l.startsWith("import horde.") || l.startsWith("import static horde."))
              .filter(l -> !l.contains("horde.simulator."))
              .toList();
    }
    assertThat(offending).isEmpty();
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
