package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.Alone;
import horde.Cli;
import horde.Nginx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbers against a server that keeps its own books: nginx's access log must hold exactly the
 * requests Horde counted, and its 50 ms timer must come out as a 50 ms p50.
 */
@Alone
class NginxTruthTest {
  @TempDir Path tmp;

  JsonNode run(String path, String... flags) throws Exception {
    Path scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, """
        name: truth
        target: http://127.0.0.1:1
        users:
          - name: client
            tasks:
              - get: %s
        """.formatted(path));
    Path out = tmp.resolve("r.json");
    String[] args = new String[flags.length + 4];
    args[0] = "run";
    args[1] = scenario.toString();
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(flags, 0, args, 4, flags.length);
    Cli cli = Cli.run(args);
    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    return JsonMapper.builder().build().readTree(out.toFile());
  }

  @Test
  void countsReconcileWithTheAccessLog() throws Exception {
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
    Nginx nginx = new Nginx(tmp.resolve("nginx"));
    JsonNode r;
    try {
      r = run("/fast", "--host", nginx.url(), "-u", "50", "-r", "50", "-t", "3s");
    } finally {
      nginx.close(); // also flushes the access log
    }
    long logged = nginx.logged("/fast");
    long counted = r.path("summary").path("requests").asLong();
    assertThat(counted).isGreaterThan(10_000);
    assertThat(r.path("summary").path("failures").asLong()).isZero();
    assertThat(logged).isEqualTo(counted + r.path("in_flight_at_end").asLong());
  }

  @Test
  void aKnownDelayIsMeasuredAsIs() throws Exception {
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
    Nginx nginx = new Nginx(tmp.resolve("nginx"));
    try {
      JsonNode r = run("/sleep/50", "--host", nginx.url(), "-u", "10", "-r", "10", "-t", "3s");
      JsonNode latency = r.path("summary").path("latency_ms");
      assertThat(latency.path("p50").asDouble()).isBetween(50.0, 52.0);
      // nginx fires its timers on a cached millisecond clock, so a few answer up to 1 ms early
      assertThat(latency.path("min").asDouble()).isGreaterThanOrEqualTo(48.5);
      assertThat(r.path("summary").path("requests").asLong()).isBetween(400L, 620L);
    } finally {
      nginx.close();
    }
  }
}
