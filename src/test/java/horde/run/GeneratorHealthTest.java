package horde.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.Alone;
import horde.HordeProcess;
import horde.Nginx;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * by Horde when other processes keep that core busy, and is not when the core is quiet. The busy
 * run's spinners start once its load has and stop before it ends: started with the JVM they
 * stretched its start (which the check leaves out) and its report, not the seconds it checks.
 */
@Alone
class GeneratorHealthTest {
  static final int CORE = 1, SPINNERS = 4, SPIN_SECONDS = 5;
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
          load: { users: 10, run_time: 12s }
          """.formatted(nginx.url()));
      JsonNode quiet = run(scenario, "quiet", List.of(), () -> {});
      assertThat(kinds(quiet)).as(quiet.path("generator").toString()).noneMatch(k -> k.startsWith("generator_"));
      assertThat(quiet.path("generator").path("distorted").asBoolean()).isFalse();

      List<Process> spinners = new ArrayList<>();
      try {
        JsonNode busy = run(scenario, "busy", List.of("nice", "-n", "10"), () -> spin(spinners));
        assertThat(kinds(busy)).as(busy.path("generator").toString()).anyMatch(k -> k.startsWith("generator_"));
        assertThat(busy.path("generator").path("distorted").asBoolean()).isTrue();
        assertThat(busy.path("generator").path("affected_seconds").properties()).isNotEmpty();
      } finally {
        for (Process p : spinners) { // timeout's shell first: killed, timeout could not pass it on
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      }
    }
  }

  /**
   * Keeps the core busy for {@link #SPIN_SECONDS} with {@link #SPINNERS} processes. At the same
   * priority as Horde they did not starve it: the kernel's scheduler served a run this light within
   * 2-10 ms, around the 10 ms the check counts, so the busy run is started {@code nice}: it then
   * gets less of the core than it needs.
   */
  private static void spin(List<Process> spinners) {
    try {
      for (int i = 0; i < SPINNERS; i++) {
        spinners.add(new ProcessBuilder("taskset", "-c", String.valueOf(CORE), "timeout", SPIN_SECONDS + "s",
            "sh", "-c", "while :; do :; done").start());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the scenario on the one core after {@code prefix}; {@code loaded} once the load has begun
   * (its first progress line, at 5 s).
   */
  private JsonNode run(Path scenario, String name, List<String> prefix, Runnable loaded) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Path out = dir.resolve("result.json");
    List<String> pinned = new ArrayList<>(List.of("taskset", "-c", String.valueOf(CORE)));
    pinned.addAll(prefix);
    try (HordeProcess horde = new HordeProcess(dir, pinned, "run", scenario.toString(), "--threads", "1", "--out",
        out.toString())) {
      assertThat(horde.awaitOutput("req/s", 60)).as(horde.output()).isTrue();
      loaded.run();
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
