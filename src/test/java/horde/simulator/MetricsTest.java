package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final String P = "horde_simulator_";
  private RunningSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) sim.close();
  }

  @Test
  void countersAgreeWithTheRequestsMade() {
    sim = RunningSimulator.start(b -> b.outputTokens(4).outputTokensSpread(0));
    for (int i = 0; i < 3; i++) sim.get("/health");
    String ask = "{\"messages\":[{\"role\":\"user\",\"content\":\"one two\"}]}";
    sim.post("/v1/chat/completions", ask);
    sim.post("/v1/chat/completions", ask);
    sim.post("/v1/chat/completions", "{oops");
    sim.get("/nowhere");
    sim.send(sim.request("/health").DELETE().build());
    sim.post("/api/conversations", "{}");

    RunningSimulator.Reply metrics = sim.get("/metrics");
    assertThat(metrics.header("content-type")).startsWith("text/plain; version=0.0.4");
    String text = metrics.raw().body();
    assertThat(text)
        .contains(
            P + "requests_total{method=\"GET\",endpoint=\"/health\",status=\"200\"} 3\n",
            P
                + "requests_total{method=\"POST\",endpoint=\"/v1/chat/completions\",status=\"200\"}"
                + " 2\n",
            P
                + "requests_total{method=\"POST\",endpoint=\"/v1/chat/completions\",status=\"400\"}"
                + " 1\n",
            P + "requests_total{method=\"other\",endpoint=\"other\",status=\"404\"} 1\n",
            P + "requests_total{method=\"other\",endpoint=\"other\",status=\"405\"} 1\n",
            P
                + "requests_total{method=\"POST\",endpoint=\"/api/conversations\",status=\"201\"}"
                + " 1\n",
            P + "tokens_generated_total 8\n",
            P + "prompt_tokens_total 4\n",
            P + "queue_depth 0\n",
            P + "active_generations 0\n",
            P + "rejected_total 0\n",
            "# TYPE " + P + "requests_total counter\n",
            "# TYPE " + P + "queue_depth gauge\n");
    // The scrape itself is counted once it is answered.
    assertThat(
            sim.metric(P + "requests_total{method=\"GET\",endpoint=\"/metrics\",status=\"200\"}"))
        .isEqualTo(1);
  }

  @Test
  void injectedErrorsAre500ButHealthAndMetricsStayTrue() {
    sim = RunningSimulator.start(b -> b.errorRate(1));
    RunningSimulator.Reply failed = sim.post("/api/rag/search", "{\"query\":\"q\"}");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.json().at("/error/type").stringValue()).isEqualTo("server_error");
    assertThat(sim.get("/health").status()).isEqualTo(200);
    assertThat(sim.metric(P + "errors_injected_total")).isEqualTo(1);
  }
}
