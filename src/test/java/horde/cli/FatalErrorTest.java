package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.HordeProcess;
import horde.RawServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A fatal error in Horde's own threads ends the run with what ran and exit 4: never a hang. */
class FatalErrorTest {
  @TempDir Path tmp;

  /** 100 users each keeping a 20 MB answer for a check, in a 256 MB heap: out of memory on the loops. */
  @Test
  void outOfMemoryOnTheEventLoopsEndsTheRunWithItsResult() throws Exception {
    byte[] big = new byte[20 << 20];
    Arrays.fill(big, (byte) 'a');
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + big.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    RawServer[] server = new RawServer[1];
    server[0] = new RawServer((s, out) -> {
      do {
        out.write(head);
        out.write(big);
        out.flush();
      } while (server[0].readRequest(s.getInputStream()));
    });
    try (RawServer bigAnswers = server[0]) {
      Path scenario = tmp.resolve("big.yaml");
      Files.writeString(scenario, """
          target: %s
          preflight: false
          http: {max_body: 50MB}
          tasks:
            - get: /big
              check: {body_contains: needle}
          """.formatted(bigAnswers.url()));
      Path out = tmp.resolve("r.json");
      try (HordeProcess horde = HordeProcess.withJvmFlags(List.of("-Xmx256m"), tmp,
          "run", scenario.toString(), "-u", "100", "-t", "60s", "--out", out.toString())) {
        assertThat(horde.waitFor(90)).as(horde.output()).isEqualTo(ExitCode.ABORTED);
        assertThat(horde.output()).contains("stopped by a fatal error in Horde: OutOfMemoryError");
      }
      JsonNode r = JsonMapper.builder().build().readTree(out.toFile());
      assertThat(r.path("aborted").asBoolean()).isTrue();
      assertThat(r.path("duration_s").asDouble()).isLessThan(60); // stopped, not run to the end
      assertThat(r.path("notes").toString()).contains("OutOfMemoryError");
    }
  }
}
