package horde.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/java-api.md true: the files it shows are the ones that compile and run. */
class JavaApiDocTest {
  private static final Pattern SHOWN =
      Pattern.compile("<!-- the file (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theExamplesAreTheTestedFiles() throws IOException {
    Matcher m = SHOWN.matcher(Files.readString(Path.of("docs/java-api.md")));
    int shown = 0;
    while (m.find()) {
      assertThat(m.group(2))
          .as("docs/java-api.md shows %s as it is", m.group(1))
          .isEqualTo(Files.readString(Path.of(m.group(1))));
      shown++;
    }
    assertThat(shown).isPositive();
  }
}
