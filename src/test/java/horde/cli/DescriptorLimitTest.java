package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.HordeProcess;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Out of file descriptors is a failure of its own, counted, and the run ends on time with its result. */
class DescriptorLimitTest {
  @TempDir Path tmp;

  @Test
  void aThousandUsersUnder256DescriptorsFailAsTooManyOpenFilesAndTheRunEnds() throws Exception {
    try (Simulator sim = Simulator.start(SimulatorOptions.builder().threads(2).build())) {
      Path scenario = tmp.resolve("fd.yaml");
      Files.writeString(scenario, """
          name: descriptors
          target: %s
          users:
            - wait: 100ms
              tasks:
                - get: /health
          thresholds:
            - error_rate < 1%%
          """.formatted(sim.baseUrl()));
      Path out = tmp.resolve("r.json");
      long start = System.nanoTime();
      try (HordeProcess horde = HordeProcess.withDescriptors(256, tmp, "run", scenario.toString(), "-u", "1000", "-t", "4s",
          "--graceful-stop", "2s", "--out", out.toString())) {
        assertThat(horde.waitFor(90)).as(horde.output()).isEqualTo(ExitCode.CRITERIA_FAILED);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("ended on time").isLessThan(45);
        assertThat(horde.output()).doesNotContain("Exception in thread");
      }
      JsonNode result = JsonMapper.builder().build().readTree(out.toFile());
      JsonNode summary = result.path("summary");
      assertThat(result.path("generator").path("affected_seconds").path("files").asString())
          .as("the seconds out of descriptors, named: %s", result.path("generator")).isNotEmpty();
      JsonNode reasons = summary.path("failures_by_reason");
      assertThat(reasons.path("too many open files").asLong()).as(reasons.toString()).isPositive();
      assertThat(reasons.has("other error")).as(reasons.toString()).isFalse();
      assertThat(summary.path("requests").asLong()).isGreaterThan(summary.path("failures").asLong()); // some got through
    }
  }
}
