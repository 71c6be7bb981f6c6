package horde.importer;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code horde import openapi}: the simulator's own document, read from its URL and from the file,
 * becomes a scenario that validates and runs against the simulator, the ids one operation gives
 * used by the next; a document without links, examples or tags is imported from its schemas.
 */
class OpenApiImportTest {
  static final Path FIXTURES = Path.of("src/test/resources/horde/importer/openapi");
  @TempDir Path tmp;

  static SimulatorOptions fast() {
    return SimulatorOptions.builder().timeToFirstToken(Duration.ofMillis(10)).tokensPerSecond(1000)
        .jobDuration(Duration.ofMillis(200)).cacheHitRatio(0).build();
  }

  @Test
  void theSimulatorsDocumentFromItsUrlRunsAgainstIt() throws Exception {
    try (Simulator sim = Simulator.start(fast())) {
      Path out = tmp.resolve("sim.yaml");
      Cli imported = Cli.run("import", "openapi", sim.baseUrl() + "/openapi.json", "--host", sim.baseUrl(), "-o", out.toString());
      assertThat(imported.exitCode()).as(imported.toString()).isZero();
      assertThat(imported.out()).contains("Wrote " + out + ": 15 requests, 3 values saved for later requests.");
      String yaml = Files.readString(out);
      assertThat(yaml).contains("target: " + sim.baseUrl() + "\n", "conversation_id: $.id", "- post: /api/conversations/${conversation_id}/messages",
          "job_id: $.job_id", "- get: /api/jobs/${job_id}", "agent_id: $.agent_id", "- post: /api/agents/${agent_id}/query",
          "check: {status: 202}", "# Start a conversation");
      assertThat(Cli.run("validate", out.toString()).exitCode()).isZero();
      Cli run = Cli.run("run", out.toString(), "--users", "3", "--run-time", "3s", "-q");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("Verdict: PASS");
    }
  }

  @Test
  void idsAnOperationGivesAreUsedByTheNext() throws Exception {
    Path doc = tmp.resolve("openapi.json");
    try (InputStream in = Simulator.class.getResourceAsStream("/horde/simulator/openapi.json")) {
      Files.write(doc, in.readAllBytes());
    }
    Path out = tmp.resolve("focused.yaml");
    Cli imported = Cli.run("import", "openapi", doc.toString(), "--tag", "conversations,jobs", "--operation",
        "askInConversation,jobStatus,queryAgent", "-o", out.toString());
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    String yaml = Files.readString(out);
    assertThat(yaml).contains("# Kept POST /api/conversations: POST /api/conversations/{conversation_id}/messages uses a value from its answer.",
        "target: http://127.0.0.1:8000\n").doesNotContain("/api/agents", "/health");
    try (Simulator sim = Simulator.start(fast())) {
      Cli run = Cli.run("run", out.toString(), "--host", sim.baseUrl(), "--run-time", "2s", "-q");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      String metrics = get(sim.baseUrl() + "/metrics");
      assertThat(count(metrics, "POST", "/api/conversations/{id}/messages", "200")).isPositive();
      assertThat(count(metrics, "GET", "/api/jobs/{id}", "200")).isPositive();
      assertThat(metrics).doesNotContain("status=\"404\"");
    }
  }

  @Test
  void aDocumentWithoutLinksOrExamplesIsImportedFromItsSchemas() throws Exception {
    Path doc = FIXTURES.resolve("no-links.yaml");
    Path out = tmp.resolve("inferred.yaml");
    Cli imported = Cli.run("import", "openapi", doc.toString(), "--server", "2", "--host", "http://127.0.0.1:9", "-o", out.toString());
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    String yaml = Files.readString(out);
    assertThat(yaml).contains(
        "target: http://127.0.0.1:9\n",
        "  - name: conversations\n    steps:\n      - post: /api/conversations\n",
        "title: Shoes",
        "conversation_id: $.id",
        "- post: /api/conversations/${conversation_id}/messages",
        "X-Request-Id: ${uuid}",
        "text: string",
        "Authorization: Bearer ${env.API_TOKEN:-}",
        "job_id: $.job_id",
        "- get: /api/jobs/${job_id}?verbose=false&api_key=${env.API_KEY:-}",
        "priority: 3", "urgent: false",
        "form:\n      q: string",
        "API_TOKEN: the bearer token for bearer", "API_KEY: the API key api_key (key)")
        .doesNotContain("locale", "page=");
    assertThat(Cli.run("validate", out.toString()).exitCode()).isZero();
    try (Simulator sim = Simulator.start(fast())) {
      Path runnable = tmp.resolve("runnable.yaml");
      Cli focused = Cli.run("import", "openapi", doc.toString(), "--server", "2", "--host", sim.baseUrl(), "--operation",
          "ask,status", "-o", runnable.toString());
      assertThat(focused.exitCode()).as(focused.toString()).isZero();
      Cli run = Cli.run("run", runnable.toString(), "--run-time", "2s", "-q");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(get(sim.baseUrl() + "/metrics")).doesNotContain("status=\"404\"");
    }
  }

  @Test
  void theServerIsChosenAndARelativeOneNeedsAHost() throws Exception {
    Path doc = FIXTURES.resolve("no-links.yaml");
    Cli first = Cli.run("import", "openapi", doc.toString());
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("target: https://eu.assistant.example.com/v2\n", "- post: /api/conversations\n");
    Cli relative = Cli.run("import", "openapi", doc.toString(), "--server", "2");
    assertThat(relative.exitCode()).isEqualTo(2);
    assertThat(relative.err()).contains("no target URL", "give --host");
    Cli missing = Cli.run("import", "openapi", doc.toString(), "--server", "3");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--server 3: the document lists 1: https://eu.assistant.example.com/v2, 2: /");
    Cli hostKeepsPath = Cli.run("import", "openapi", doc.toString(), "--host", "http://127.0.0.1:8080");
    assertThat(hostKeepsPath.out()).contains("target: http://127.0.0.1:8080/v2\n");
  }

  @Test
  void whatCannotBeImportedSaysWhy() throws Exception {
    Cli swagger = Cli.run("import", "openapi", FIXTURES.resolve("swagger2.json").toString());
    assertThat(swagger.exitCode()).isEqualTo(2);
    assertThat(swagger.err()).contains("is a Swagger 2.0 document: convert it to OpenAPI 3 first");
    Path notApi = Files.writeString(tmp.resolve("x.json"), "{\"hello\": 1}");
    Cli other = Cli.run("import", "openapi", notApi.toString());
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("is not an OpenAPI 3 document");
    Cli none = Cli.run("import", "openapi", tmp.resolve("nope.json").toString());
    assertThat(none.err()).contains("no such file");
    Cli noMatch = Cli.run("import", "openapi", FIXTURES.resolve("no-links.yaml").toString(), "--tag", "nothing");
    assertThat(noMatch.exitCode()).isEqualTo(2);
    assertThat(noMatch.err()).contains("no operation to import matches --tag or --operation");
  }

  static long count(String metrics, String method, String endpoint, String status) {
    Matcher m = Pattern.compile("horde_simulator_requests_total\\{method=\"" + method + "\",endpoint=\"" + Pattern.quote(endpoint)
        + "\",status=\"" + status + "\"} (\\d+)").matcher(metrics);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  static String get(String url) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}
