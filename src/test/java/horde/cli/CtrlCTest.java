package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.HordeProcess;
import horde.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ctrl-C (SIGINT) and SIGTERM stop the run, write what ran, and exit with 4, whenever they come. */
class CtrlCTest {
  @TempDir Path tmp;

  @Test
  void sigintWritesTheResultOfWhatRan() throws Exception {
    stopsWith("INT");
  }

  @Test
  void sigtermDoesTheSame() throws Exception {
    stopsWith("TERM");
  }

  /** Ctrl-C while the pre-flight check waits: exit 4 with an empty result, not the JVM's 130. */
  @Test
  void beforeTheBannerStopsWithExit4() throws Exception {
    stoppedBeforeLoad("/health", 3000, "preflight: {path: /health, timeout: 10s}\n", 20);
  }

  /** Ctrl-C in a setup request that takes a minute: it is cut off at once, and nothing crashes. */
  @Test
  void duringASlowSetupStopsAtOnce() throws Exception {
    JsonNode r = stoppedBeforeLoad("/setup", 60_000, "setup: [{get: /setup, timeout: 2m}]\n", 10);
    assertThat(r.path("notes").toString()).contains("stopped before setup was done");
  }

  /** A test whose {@code path} answers after {@code millis}, stopped while it waits: no load is sent. */
  JsonNode stoppedBeforeLoad(String path, long millis, String scenario, int seconds) throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    try (TestServer server = new TestServer().route(path, slow(asked, millis)).route("/ok", ex -> TestServer.reply(ex, 200, "{}"))) {
      JsonNode r = stopped("target: " + server.url() + "\n" + scenario + "tasks: [get: /ok]\n", asked, seconds);
      assertThat(r.path("summary").path("requests").asLong()).isZero();
      assertThat(server.served("/ok")).isZero();
      return r;
    }
  }

  /** Ctrl-C once the run time is over, while the answers in flight are awaited: the short grace, not the long one. */
  @Test
  void duringTheDrainStopsWithinTheShortGrace() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    try (TestServer server = new TestServer().route("/slow", slow(asked, 60_000))) {
      String yaml = "target: " + server.url() + "\ntasks: [{get: /slow, timeout: 2m}]\n";
      JsonNode r = stopped(yaml, asked, 10, "-u", "3", "-t", "2s", "--graceful-stop", "60s");
      assertThat(r.path("in_flight_at_end").asLong()).isEqualTo(3);
    }
  }

  /** Answers after {@code millis}, telling {@code asked} that a request came. */
  static TestServer.Route slow(CountDownLatch asked, long millis) {
    return ex -> {
      asked.countDown();
      Thread.sleep(millis);
      TestServer.reply(ex, 200, "{}");
    };
  }

  /**
   * Runs {@code yaml} until the server has seen what {@code reached} awaits (plus 2 s when flags
   * are given: the run time is then over), sends SIGINT, and expects exit code 4 within {@code
   * seconds}, with the result file of what ran.
   */
  JsonNode stopped(String yaml, CountDownLatch reached, int seconds, String... flags) throws Exception {
    Path scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, yaml);
    Path out = tmp.resolve("r.json");
    List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString()));
    args.addAll(List.of(flags));
    try (HordeProcess horde = new HordeProcess(tmp, args.toArray(String[]::new))) {
      assertThat(reached.await(30, TimeUnit.SECONDS)).as(horde.output()).isTrue();
      if (flags.length > 0) Thread.sleep(3000);
      horde.signal("INT");
      long signalled = System.nanoTime();
      assertThat(horde.waitFor(seconds)).as(horde.output()).isEqualTo(ExitCode.ABORTED);
      assertThat(horde.output()).contains("stopping").doesNotContain("Exception", "internal error");
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled)).isLessThan(seconds);
    }
    JsonNode r = JsonMapper.builder().build().readTree(out.toFile());
    assertThat(r.path("aborted").asBoolean()).isTrue();
    return r;
  }

  void stopsWith(String signal) throws Exception {
    try (TestServer server = new TestServer().route("/ok", ex -> {
      Thread.sleep(5);
      TestServer.reply(ex, 200, "{}");
    })) {
      Path scenario = tmp.resolve("s.yaml");
      Files.writeString(scenario, "name: long\ntarget: " + server.url() + "\nusers:\n  - name: u\n    tasks:\n      - get: /ok\n");
      Path out = tmp.resolve("r.json");
      try (HordeProcess horde = new HordeProcess(tmp, "run", scenario.toString(), "-u", "5", "-t", "60s", "--out", out.toString())) {
        assertThat(horde.awaitOutput("req/s", 20)).as("progress line").isTrue();
        horde.signal(signal);
        assertThat(horde.waitFor(15)).as(horde.output()).isEqualTo(ExitCode.ABORTED);
        assertThat(horde.output()).contains("stopping", "stopped early");
      }
      JsonNode r = JsonMapper.builder().build().readTree(out.toFile());
      assertThat(r.path("aborted").asBoolean()).isTrue();
      assertThat(r.path("summary").path("requests").asLong()).isPositive()
          .isLessThanOrEqualTo(server.served("/ok"));
      assertThat(r.path("duration_s").asDouble()).isLessThan(30);
    }
  }
}
