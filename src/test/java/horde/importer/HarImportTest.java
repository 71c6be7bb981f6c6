package horde.importer;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code horde import har} with a HAR recorded by a real Chromium visiting the simulator's demo
 * page: the scenario validates and runs against another simulator, which has never seen the
 * recording's ids — so it passes only if every id the page reused is saved and templated.
 */
class HarImportTest {
  /** The made-up key the demo page sends (src/main/resources/horde/simulator/demo/demo.js). */
  static final String KEY = "sk-demo-7f3a9c2e51b84d06aa";

  @TempDir static Path tmp;
  static Path har;

  @BeforeAll
  static void record() throws Exception {
    har = tmp.resolve("demo.har");
    try (Simulator sim = Simulator.start(fast())) {
      HarRecorder.record(sim.baseUrl() + "/demo/index.html", "done", har);
    }
    assertThat(Files.readString(har)).as("the recording holds the key").contains(KEY);
  }

  static SimulatorOptions fast() {
    return SimulatorOptions.builder().timeToFirstToken(Duration.ofMillis(20)).tokensPerSecond(500)
        .jobDuration(Duration.ofMillis(200)).build();
  }

  @Test
  void theRecordingValidatesAndRunsAgainstASimulatorThatNeverSawItsIds() throws Exception {
    Path out = tmp.resolve("demo.yaml");
    Cli imported = Cli.run("import", "har", har.toString(), "--out", out.toString(), "--force");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out()).contains("9 requests, 3 values saved for later requests; set API_TOKEN in the environment.");
    String yaml = Files.readString(out);
    assertThat(yaml)
        .contains("# Left out: 2 static assets (--include-static keeps them).", "#   API_TOKEN: the Authorization header's Bearer token",
            "- name: Horde simulator demo", "- get: /demo/index.html", "Authorization: Bearer ${env.API_TOKEN:-}",
            "save:\n          model: $.model", "save:\n          conversation_id: $.id",
            "- post: /api/conversations/${conversation_id}/messages", "- get: /api/conversations/${conversation_id}/messages",
            "job_id: $.job_id", "- get: /api/jobs/${job_id}", "model: ${model}", "stream: openai", "title: Demo page")
        .doesNotContain(KEY, "demo.js", "demo.css").doesNotContainPattern("(conv|job)_[0-9a-f]{8}");
    assertThat(Cli.run("validate", out.toString()).exitCode()).isZero();
    try (Simulator other = Simulator.start(fast())) {
      Cli run = Cli.run("run", out.toString(), "--host", other.baseUrl(), "--run-time", "2s", "-q");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("Verdict: PASS");
      String metrics = OpenApiImportTest.get(other.baseUrl() + "/metrics");
      assertThat(OpenApiImportTest.count(metrics, "POST", "/api/conversations/{id}/messages", "200")).isPositive();
      assertThat(OpenApiImportTest.count(metrics, "GET", "/api/jobs/{id}", "200")).isPositive();
      assertThat(metrics).doesNotContain("status=\"404\"");
    }
  }

  @Test
  void staticAssetsAreKeptWhenAsked() throws Exception {
    Path out = tmp.resolve("static.yaml");
    Cli imported = Cli.run("import", "har", har.toString(), "--include-static", "-o", out.toString());
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    String yaml = Files.readString(out);
    assertThat(yaml).contains("- get: /demo/demo.css", "- get: /demo/demo.js").doesNotContain("Left out");
    try (Simulator other = Simulator.start(fast())) {
      Cli run = Cli.run("run", out.toString(), "--host", other.baseUrl(), "--run-time", "1s", "-q");
      assertThat(run.exitCode()).as(run.toString()).isZero();
    }
  }

  @Test
  void onlyTheDomainsAskedFor() throws Exception {
    Cli other = Cli.run("import", "har", har.toString(), "--domain", "example.com");
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("no request to import (11 requests to other hosts (--domain) left out)");
    Cli local = Cli.run("import", "har", har.toString(), "--domain", "example.com,127.0.0.1");
    assertThat(local.exitCode()).as(local.toString()).isZero();
    assertThat(local.out()).startsWith("# Imported by horde import har demo.har: 9 requests.\n");
    assertThat(local.err()).contains("Imported 9 requests");
  }
}
