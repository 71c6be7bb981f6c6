package horde.scenario.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.dsl.Dsl;
import horde.scenario.HttpSettings;
import horde.scenario.InvalidScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code http: {version, max_streams}} in YAML and the Java API, and what they refuse. */
class HttpVersionTest {
  @TempDir Path dir;

  private HttpSettings load(String http) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, "http: " + http + "\ntasks: [get: /]\n");
    return ScenarioLoader.load(file).http();
  }

  @Test
  void theVersionIsReadInEveryWayYamlWritesIt() throws IOException {
    assertThat(load("{max_connections: 3}").version()).isEqualTo(HttpSettings.Version.HTTP_1_1);
    assertThat(load("{version: 1.1}").version()).isEqualTo(HttpSettings.Version.HTTP_1_1);
    assertThat(load("{version: \"1.1\"}").version()).isEqualTo(HttpSettings.Version.HTTP_1_1);
    assertThat(load("{version: 2}").version()).isEqualTo(HttpSettings.Version.HTTP_2);
    assertThat(load("{version: '2'}").version()).isEqualTo(HttpSettings.Version.HTTP_2);
    assertThat(load("{version: auto}").version()).isEqualTo(HttpSettings.Version.AUTO);
    assertThat(load("{version: 2}").maxStreams()).isEqualTo(HttpSettings.DEFAULT_MAX_STREAMS);
    assertThat(load("{version: 2, max_streams: 20}").maxStreams()).isEqualTo(20);
  }

  @Test
  void anUnknownVersionIsRefusedWhereItIsWritten() throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, "tasks: [get: /]\nhttp: {version: 3}\n");
    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessage(file + ":2:17: version: expected 1.1, 2 or auto, found '3'");
    Files.writeString(file, "tasks: [get: /]\nhttp: {version: h2, max_streams: 0}\n");
    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .hasMessageContaining(file + ":2:17: version: expected 1.1, 2 or auto, found 'h2'")
        .hasMessageContaining(file + ":2:34: max_streams: expected a whole number of at least 1, found '0'");
  }

  @Test
  void theJavaApiSaysTheSame() {
    HttpSettings s = Dsl.scenario("x").http(Dsl.http().version("2").maxStreams(10)).task(Dsl.get("/")).build().http();
    assertThat(s.version()).isEqualTo(HttpSettings.Version.HTTP_2);
    assertThat(s.maxStreams()).isEqualTo(10);
    assertThatThrownBy(() -> Dsl.http().version("3")).hasMessage("version: '3' must be 1.1, 2 or auto");
    assertThatThrownBy(() -> Dsl.http().maxStreams(0)).hasMessage("max_streams: 0 must be >= 1");
  }
}
