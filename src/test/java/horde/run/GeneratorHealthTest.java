package horde.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.Alone;
import horde.HordeProcess;
import horde.Nginx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generator checks itself: the same light run, pinned to one core, is reported as distorted
 * by Horde when other processes keep that core busy, and is not when the core is quiet.
 */
@Alone
class GeneratorHealthTest {
  static final int CORE = 1;
  @TempDir Path tmp;

  @Test
  void aStarvedGeneratorSaysSoAndAQuietOneDoesNot() throws Exception {
    assumeThat(Runtime.getRuntime().availableProcessors()).as("needs a second core to pin to").isGreaterThan(CORE);
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
    try (Nginx nginx = new Nginx(tmp.resolve("nginx"))) {
      Path scenario = tmp.resolve("light.yaml");
      Files.writeString(scenario, """
          name: light
          target: %s
          users:
            - name: u
              wait: constant 50ms
              tasks: [{get: /fast}]
          load: { users: 10, run_time: 8s }
          """.formatted(nginx.url()));
      JsonNode quiet = run(scenario, "quiet");
      assertThat(kinds(quiet)).as(quiet.path("generator").toString()).noneMatch(k -> k.startsWith("generator_"));
      assertThat(quiet.path("generator").path("distorted").asBoolean()).isFalse();

      List<Process> spinners = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          spinners.add(new ProcessBuilder("taskset", "-c", String.valueOf(CORE), "sh", "-c", "while :; do :; done").start());
        }
        JsonNode busy = run(scenario, "busy");
        assertThat(kinds(busy)).as(busy.path("generator").toString()).anyMatch(k -> k.startsWith("generator_"));
        assertThat(busy.path("generator").path("distorted").asBoolean()).isTrue();
        assertThat(busy.path("generator").path("affected_seconds").properties()).isNotEmpty();
      } finally {
        spinners.forEach(Process::destroyForcibly);
      }
    }
  }

  private JsonNode run(Path scenario, String name) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Path out = dir.resolve("result.json");
    try (HordeProcess horde = new HordeProcess(dir, List.of("taskset", "-c", String.valueOf(CORE)), "run",
        scenario.toString(), "--threads", "1", "--out", out.toString(), "-q")) {
      assertThat(horde.waitFor(60)).as(horde.output()).isZero();
    }
    return JsonMapper.builder().build().readTree(out.toFile());
  }

  private static List<String> kinds(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.path("findings").forEach(f -> out.add(f.path("kind").asString()));
    return out;
  }
}
