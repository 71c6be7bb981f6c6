package horde.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import horde.Alone;
import horde.Nginx;
import horde.RawServer;
import horde.TestServer;
import horde.engine.EngineOptions;
import horde.plan.Planner;
import horde.result.RunResult;
import horde.scenario.Body;
import horde.scenario.LoadProfile;
import horde.scenario.Request;
import horde.scenario.Scenario;
import horde.scenario.StreamSpec;
import horde.scenario.Task;
import horde.scenario.UserClass;
import horde.scenario.WaitTime;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import horde.stats.EndpointStats;
import horde.stats.LatencySummary;
import horde.stats.LlmStats;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming figures against servers whose timing is known. */
@Alone
class StreamingTruthTest {
  @TempDir Path tmp;

  static EndpointStats run(String url, Request r, LoadProfile load) throws Exception {
    UserClass u = new UserClass("u", 1, WaitTime.NONE, null, List.of(new Task("t", 1, List.of(r), null)), null, null);
    Scenario s = Scenario.builder("stream", url).users(List.of(u)).load(load).build();
    RunResult result = new TestRun(new Planner(Map.of()).plan(s), EngineOptions.DEFAULTS.withGracefulStop(Duration.ofSeconds(3)), null)
        .execute(p -> {});
    return result.stats().endpoints().get(0);
  }

  static Request get(String path, StreamSpec stream) {
    return new Request("GET", path, null, null, null, null, null, null, null, null, stream, null, null, null, null);
  }

  static final StreamSpec SSE_DONE = new StreamSpec(StreamSpec.Kind.SSE, null, null, "[DONE]", Duration.ofMillis(400));

  @Test
  void nginxTokenTimingIsMeasuredAsSent() throws Exception {
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
    Nginx nginx = new Nginx(tmp.resolve("nginx"));
    try {
      EndpointStats e = run(nginx.url(), get("/sse", SSE_DONE), new LoadProfile.Closed(10, 100, Duration.ofSeconds(3), null));
      LlmStats llm = e.llm();
      assertThat(e.failures()).isZero();
      assertThat(llm.streams()).isGreaterThan(30);
      assertThat(LatencySummary.of(llm.ttft()).p50()).isCloseTo(100, within(2.0));
      assertThat(LatencySummary.of(llm.itl()).p50()).isCloseTo(20, within(2.0));
      assertThat(llm.tokenEvents()).isEqualTo(20 * llm.streams());
      assertThat(llm.outputTokens()).isEqualTo(20 * llm.streams());
      assertThat(LatencySummary.of(llm.tpot()).p50()).isCloseTo(20, within(2.0));
      assertThat(e.summary().p50()).isGreaterThanOrEqualTo(480.0); // the last token leaves nginx at 480 ms
    } finally {
      nginx.close();
    }
  }

  @Test
  void aStreamWithoutItsTerminatorIsIncomplete() throws Exception {
    assumeThat(Nginx.installed() || System.getenv("CI") != null).as("nginx is installed by ./run-tests").isTrue();
    Nginx nginx = new Nginx(tmp.resolve("nginx"));
    try {
      EndpointStats e = run(nginx.url(), get("/sse-cut", SSE_DONE), new LoadProfile.FixedCount(5, 1, null, null));
      assertThat(e.failuresByReason()).containsEntry("stream incomplete", 5L);
    } finally {
      nginx.close();
    }
  }

  @Test
  void aStalledStreamFailsAfterItsIdleTimeout() throws Exception {
    try (TestServer server = new TestServer().route("/stall", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write("data: tok\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread.sleep(3000);
    })) {
      EndpointStats e = run(server.url(), get("/stall", SSE_DONE), new LoadProfile.FixedCount(3, 3, null, null));
      assertThat(e.failuresByReason()).containsEntry("stream stalled", 3L);
    }
  }

  @Test
  void aConnectionCutMidStreamIsIncomplete() throws Exception {
    try (RawServer server = new RawServer((s, out) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "b\r\ndata: tok\n\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      s.close();
    })) {
      EndpointStats e = run(server.url(), get("/cut", SSE_DONE), new LoadProfile.FixedCount(4, 2, null, null));
      assertThat(e.failuresByReason()).containsEntry("stream incomplete", 4L);
    }
  }

  /**
   * Found while writing the streaming examples: a 429 declared in expect_status was read as a
   * stream, so it failed as "stream incomplete" (it has no [DONE]), had its prompt counted as input
   * tokens, and its head counted as a time to first byte. A status declared as no failure is none;
   * only a 2xx answer is a stream to time and count.
   */
  @Test
  void aRejectionDeclaredInExpectStatusIsNotACutStream() throws Exception {
    SimulatorOptions options = SimulatorOptions.builder().port(0).capacity(1).queue(0).outputTokens(5)
        .outputTokensSpread(0).build();
    try (Simulator sim = Simulator.start(options)) {
      Map<String, Object> body = Map.of("model", "sim", "stream", true, "stream_options", Map.of("include_usage", true),
          "messages", List.of(Map.of("role", "user", "content", "Tell me about load testing")));
      Request chat = new Request("POST", "/v1/chat/completions", null, null, null, new Body.Json(body), null, null,
          java.util.Set.of(429), null, StreamSpec.of(StreamSpec.Kind.OPENAI), null, null, null, null);
      EndpointStats e = run(sim.baseUrl(), chat, new LoadProfile.Closed(4, 100, Duration.ofSeconds(2), null));
      LlmStats llm = e.llm();
      assertThat(e.failuresByReason()).isEmpty();
      assertThat(llm.streams()).isPositive().isLessThan(e.requests()); // most were refused, at once
      assertThat(llm.outputTokens()).isEqualTo(5 * llm.streams());
      assertThat(llm.inputTokens() / (double) llm.streams()).isLessThan(20); // the answered prompts only
      assertThat(llm.ttfb().getTotalCount()).isEqualTo(llm.streams());
    }
  }

  @Test
  void theSimulatorsKnownSpeedAndUsageComeOutAsConfigured() throws Exception {
    SimulatorOptions options = SimulatorOptions.builder().port(0).timeToFirstToken(Duration.ofMillis(200))
        .tokensPerSecond(50).outputTokens(30).outputTokensSpread(0).capacity(64).build();
    try (Simulator sim = Simulator.start(options)) {
      Map<String, Object> body = Map.of("model", "sim", "stream", true, "stream_options", Map.of("include_usage", true),
          "messages", List.of(Map.of("role", "user", "content", "Tell me about load testing")));
      Request chat = new Request("POST", "/v1/chat/completions", null, null, null, new Body.Json(body), null, null, null, null,
          StreamSpec.of(StreamSpec.Kind.OPENAI), null, null, null, null);
      EndpointStats e = run(sim.baseUrl(), chat, new LoadProfile.Closed(8, 100, Duration.ofSeconds(4), null));
      LlmStats llm = e.llm();
      assertThat(e.failures()).isZero();
      assertThat(LatencySummary.of(llm.ttft()).p50()).isCloseTo(200, within(10.0));
      assertThat(LatencySummary.of(llm.itl()).p50()).isCloseTo(20, within(1.0));
      assertThat(llm.outputTokens()).isEqualTo(30 * llm.streams()); // from usage, which the simulator counts exactly
      assertThat(llm.tokenEvents()).isEqualTo(30 * llm.streams());
      assertThat(llm.inputTokens()).isPositive();
    }
  }
}
