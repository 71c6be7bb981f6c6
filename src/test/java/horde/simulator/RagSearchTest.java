package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@Alone
class RagSearchTest {
  private RunningSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) sim.close();
  }

  @Test
  void aRepeatedQueryComesFromTheCacheFasterAndMarked() {
    sim =
        RunningSimulator.start(
            b -> b.ragMissLatency(Duration.ofMillis(200)).ragHitLatency(Duration.ofMillis(2)));
    String query = "{\"query\":\"refund policy\",\"top_k\":3}";
    RunningSimulator.Reply miss = sim.post("/api/rag/search", query);
    RunningSimulator.Reply hit = sim.post("/api/rag/search", query);

    assertThat(miss.status()).isEqualTo(200);
    assertThat(miss.json().get("cached").asBoolean()).isFalse();
    assertThat(hit.json().get("cached").asBoolean()).isTrue();
    assertThat(miss.millis()).isGreaterThanOrEqualTo(200);
    assertThat(hit.millis()).isLessThan(miss.millis() - 100);
    assertThat(hit.json().get("results")).isEqualTo(miss.json().get("results"));
    assertThat(sim.metric("horde_simulator_cache_hits_total{cache=\"rag\"}")).isEqualTo(1);
    assertThat(sim.metric("horde_simulator_cache_misses_total{cache=\"rag\"}")).isEqualTo(1);
  }

  @Test
  void returnsTopKScoredDocumentsBestFirst() {
    sim = RunningSimulator.start(b -> b.ragMissLatency(Duration.ZERO));
    JsonNode results =
        sim.post("/api/rag/search", "{\"query\":\"q\",\"top_k\":4}").json().get("results");
    assertThat(results).hasSize(4);
    double previous = 1;
    for (JsonNode r : results) {
      assertThat(r.get("id").stringValue()).startsWith("doc_");
      assertThat(r.get("text").stringValue()).isNotBlank();
      double score = r.get("score").asDouble();
      assertThat(score).isBetween(0.0, previous);
      previous = score;
    }
    assertThat(sim.post("/api/rag/search", "{\"query\":\"q\"}").json().get("results")).hasSize(5);
  }

  @Test
  void aMissingQueryOrBadTopKIs400() {
    sim = RunningSimulator.start(b -> b);
    assertThat(sim.post("/api/rag/search", "{}").status()).isEqualTo(400);
    assertThat(sim.post("/api/rag/search", "{\"query\":\"q\",\"top_k\":0}").status())
        .isEqualTo(400);
    assertThat(sim.post("/api/rag/search", "{\"query\":\"q\",\"top_k\":\"x\"}").status())
        .isEqualTo(400);
  }
}
