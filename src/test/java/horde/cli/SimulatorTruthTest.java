package horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import horde.Cli;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI against the simulator, whose {@code /metrics} keeps its own books: every request Horde
 * counted, the simulator answered, and the other way round; overload shows as 429s by reason;
 * a streamed answer arrives whole.
 */
@Alone
class SimulatorTruthTest {
  static final String DIR = "src/test/resources/horde/cli/SimulatorTruthTest/";
  static final Pattern COUNTER = Pattern.compile(
      "(?m)^horde_simulator_(\\w+)(?:\\{method=\"(\\w+)\",endpoint=\"([^\"]+)\",status=\"(\\d+)\"})? (\\d+)$");
  @TempDir Path tmp;

  @Test
  void overloadBeyondCapacityGets429sThatHordeCountsByReason() throws Exception {
    try (Simulator sim = Simulator.start(fast().capacity(2).queue(2).tokensPerSecond(50).build())) {
      JsonNode r = run("overload.yaml", sim, ExitCode.CRITERIA_FAILED); // no criteria, and the 429s failed
      String metrics = scrape(sim);
      JsonNode summary = r.path("summary");
      long rejected = counter(metrics, "rejected_total");
      assertThat(rejected).as("12 users against 2 slots and 2 queue places").isPositive();
      assertThat(summary.path("failures_by_reason").path("HTTP 429").asLong()).isEqualTo(rejected);
      assertThat(summary.path("failures").asLong()).isEqualTo(rejected);
      assertThat(summary.path("failure_samples").path("HTTP 429").asString()).contains("overloaded");
      assertThat(summary.path("requests").asLong()).isEqualTo(served(metrics).get("/v1/chat/completions"));
    }
  }

  @Test
  void theSimulatorsCountsAgreeWithHordesPerEndpoint() throws Exception {
    try (Simulator sim = Simulator.start(fast().build())) {
      JsonNode r = run("mix.yaml", sim, ExitCode.PASS);
      Map<String, Long> served = served(scrape(sim));
      served.remove("/metrics");
      Map<String, Long> counted = new TreeMap<>();
      r.path("endpoints").forEach(e -> counted.merge(e.path("name").asString(), e.path("requests").asLong(), Long::sum));
      assertThat(r.path("in_flight_at_end").asLong()).isZero();
      assertThat(r.path("summary").path("failures").asLong()).isZero();
      assertThat(counted).hasSize(14).isEqualTo(served);
    }
  }

  @Test
  void aStreamedAnswerArrivesAsWellFormedServerSentEvents() throws Exception {
    try (Simulator sim = Simulator.start(fast().timeToFirstToken(Duration.ofMillis(100)).tokensPerSecond(50).build())) {
      JsonNode r = run("stream.yaml", sim, ExitCode.PASS);
      JsonNode summary = r.path("summary");
      assertThat(summary.path("requests").asLong()).isEqualTo(6);
      assertThat(summary.path("failures").asLong()).as(summary.toString()).isZero();
      // Read to the end: first token after 100 ms, four more 20 ms apart.
      assertThat(summary.path("latency_ms").path("min").asDouble()).isGreaterThanOrEqualTo(180);
      assertThat(counter(scrape(sim), "tokens_generated_total")).isEqualTo(6 * 5);
    }
  }

  private JsonNode run(String scenario, Simulator sim, int exitCode) throws Exception {
    Path out = tmp.resolve(scenario + ".json");
    Cli cli = Cli.run("run", DIR + scenario, "--host", sim.baseUrl(), "--out", out.toString(), "-q");
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(exitCode);
    return JsonMapper.builder().build().readTree(out.toFile());
  }

  /** Quick answers, so a few seconds hold many requests. */
  private static horde.simulator.SimulatorOptionsBuilder fast() {
    return SimulatorOptions.builder().threads(2).timeToFirstToken(Duration.ofMillis(20)).tokensPerSecond(500).cacheHitRatio(0.3);
  }

  private static String scrape(Simulator sim) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest get = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/metrics")).build();
      return http.send(get, HttpResponse.BodyHandlers.ofString()).body();
    }
  }

  /** Responses the simulator sent, per endpoint label, every method and status together. */
  private static Map<String, Long> served(String metrics) {
    Map<String, Long> served = new TreeMap<>();
    Matcher m = COUNTER.matcher(metrics);
    while (m.find())
      if (m.group(1).equals("requests_total")) served.merge(m.group(3), Long.parseLong(m.group(5)), Long::sum);
    return served;
  }

  private static long counter(String metrics, String name) {
    Matcher m = COUNTER.matcher(metrics);
    while (m.find()) if (m.group(1).equals(name) && m.group(2) == null) return Long.parseLong(m.group(5));
    throw new AssertionError("no " + name + " in\n" + metrics);
  }
}
