package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.HordeProcess;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's run does not start the Flight Recorder: Netty's allocator would register its JFR events
 * at its first chunk, on the event loop as the first request goes out, and with them all of JFR's
 * metadata (0.1-0.15 s the loop's connections wait). A user who wants those events sets the property.
 */
class NettySettingsTest {
  private static final String JFR_STARTED = "jdk.jfr.internal.MetadataRepository ";
  @TempDir Path tmp;

  @Test
  void aRunLeavesTheFlightRecorderAloneUnlessAsked() throws Exception {
    try (Simulator sim = Simulator.start(SimulatorOptions.builder().port(0).build())) {
      Path scenario = tmp.resolve("s.yaml");
      Files.writeString(scenario, """
          target: %s
          tasks: [{get: /health}]
          """.formatted(sim.baseUrl()));
      assertThat(classesLoaded(scenario, "default")).doesNotContain(JFR_STARTED);
      assertThat(classesLoaded(scenario, "asked", "-Dio.netty.jfr.enabled=true")).contains(JFR_STARTED);
    }
  }

  /** The class-loading log of a 1 s run of {@code scenario} by the CLI in a JVM with {@code flags}. */
  private String classesLoaded(Path scenario, String name, String... flags) throws Exception {
    Path log = tmp.resolve(name + "-classes.log");
    List<String> jvm = new java.util.ArrayList<>(List.of(flags));
    jvm.add("-Xlog:class+load=info:file=" + log);
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (HordeProcess horde = HordeProcess.withJvmFlags(jvm, dir, "run", scenario.toString(), "-u", "2", "-t", "1s",
        "--no-history", "-q", "--out", dir.resolve("r.json").toString())) {
      assertThat(horde.waitFor(60)).as(horde.output()).isZero();
    }
    String loaded = Files.readString(log);
    assertThat(loaded).contains("io.netty.buffer.PoolChunk "); // the allocator took a chunk
    return loaded;
  }
}
