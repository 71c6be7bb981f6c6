package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AgentsTest {
  private RunningSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) sim.close();
  }

  @Test
  void registerAnAgentAndAskIt() {
    sim = RunningSimulator.start(b -> b.outputTokens(5).outputTokensSpread(0));
    RunningSimulator.Reply created = sim.post("/api/agents", "{\"name\":\"planner\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("agent_id").stringValue();

    JsonNode answer =
        sim.post("/api/agents/" + id + "/query", "{\"query\":\"plan a trip\"}").json();
    assertThat(answer.get("agent_id").stringValue()).isEqualTo(id);
    assertThat(answer.get("answer").stringValue()).isNotBlank();
    assertThat(answer.at("/usage/prompt_tokens").asInt()).isEqualTo(3);
    assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(5);
    assertThat(sim.post("/api/agents/agent_nope/query", "{\"query\":\"x\"}").status())
        .isEqualTo(404);
  }

  @Test
  void answersANaturalLanguageQueryAndReportsCosts() {
    sim = RunningSimulator.start(b -> b.outputTokens(10).outputTokensSpread(0));
    JsonNode answer = sim.post("/api/query", "{\"query\":\"top customers last week\"}").json();
    assertThat(answer.get("answer").stringValue()).isNotBlank();
    assertThat(sim.post("/api/query", "{}").status()).isEqualTo(400);

    JsonNode costs = sim.get("/api/costs").json();
    assertThat(costs.get("prompt_tokens").asLong()).isEqualTo(4);
    assertThat(costs.get("completion_tokens").asLong()).isEqualTo(10);
    assertThat(costs.get("cost").asDouble()).isEqualTo((4 * 0.5 + 10 * 1.5) / 1e6);
  }

  @Test
  void describesItsCapabilities() {
    sim = RunningSimulator.start(b -> b.capacity(3));
    JsonNode caps = sim.get("/api/capabilities").json();
    assertThat(caps.at("/limits/concurrent_generations").asInt()).isEqualTo(3);
    assertThat(caps.get("features").toString()).contains("streaming");
  }
}
