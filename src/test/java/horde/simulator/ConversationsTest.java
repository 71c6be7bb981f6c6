package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConversationsTest {
  private RunningSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) sim.close();
  }

  @Test
  void createAskAndReadTheHistory() {
    sim = RunningSimulator.start(b -> b.outputTokens(10).outputTokensSpread(0));
    RunningSimulator.Reply created = sim.post("/api/conversations", "{\"title\":\"Support\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").stringValue();
    assertThat(created.json().get("title").stringValue()).isEqualTo("Support");
    assertThat(created.json().get("created").asLong()).isPositive();

    JsonNode first =
        sim.post("/api/conversations/" + id + "/messages", "{\"text\":\"one two three\"}").json();
    assertThat(first.get("conversation_id").stringValue()).isEqualTo(id);
    assertThat(first.get("id").stringValue()).startsWith("msg_");
    assertThat(first.get("cached").asBoolean()).isFalse();
    assertThat(first.at("/usage/prompt_tokens").asInt()).isEqualTo(3);
    assertThat(first.at("/usage/completion_tokens").asInt()).isEqualTo(10);
    // The second turn's prompt carries the first turn as context: 3 + 10 + 2.
    JsonNode second =
        sim.post("/api/conversations/" + id + "/messages", "{\"text\":\"and then\"}").json();
    assertThat(second.at("/usage/prompt_tokens").asInt()).isEqualTo(15);

    JsonNode history = sim.get("/api/conversations/" + id + "/messages").json();
    JsonNode messages = history.get("messages");
    assertThat(messages).hasSize(4);
    assertThat(messages.get(0).get("role").stringValue()).isEqualTo("user");
    assertThat(messages.get(0).get("text").stringValue()).isEqualTo("one two three");
    assertThat(messages.get(1).get("role").stringValue()).isEqualTo("assistant");
    assertThat(messages.get(1).get("text").stringValue())
        .isEqualTo(first.get("answer").stringValue());
    assertThat(messages.get(3).get("id").stringValue()).isEqualTo(second.get("id").stringValue());
  }

  @Test
  void aBodyIsOptionalWhenCreating() {
    sim = RunningSimulator.start(b -> b);
    RunningSimulator.Reply created =
        sim.send(
            sim.request("/api/conversations")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("title").stringValue()).isNotBlank();
  }

  @Test
  void unknownConversationIs404() {
    sim = RunningSimulator.start(b -> b);
    RunningSimulator.Reply ask = sim.post("/api/conversations/nope/messages", "{\"text\":\"hi\"}");
    assertThat(ask.status()).isEqualTo(404);
    assertThat(ask.json().at("/error/message").stringValue()).contains("nope");
    assertThat(sim.get("/api/conversations/nope/messages").status()).isEqualTo(404);
  }

  @Test
  void aQuestionWithoutTextIs400() {
    sim = RunningSimulator.start(b -> b);
    String id = sim.post("/api/conversations", "{}").json().get("id").stringValue();
    assertThat(sim.post("/api/conversations/" + id + "/messages", "{}").status()).isEqualTo(400);
    assertThat(sim.post("/api/conversations/" + id + "/messages", "nope").status()).isEqualTo(400);
  }

  @Test
  void cachedAnswersAreMarkedAndMuchFaster() {
    sim =
        RunningSimulator.start(
            b ->
                b.cacheHitRatio(1)
                    .cacheHitLatency(Duration.ofMillis(5))
                    .timeToFirstToken(Duration.ofMillis(300)));
    String id = sim.post("/api/conversations", "{}").json().get("id").stringValue();
    RunningSimulator.Reply hit =
        sim.post("/api/conversations/" + id + "/messages", "{\"text\":\"hi\"}");
    assertThat(hit.json().get("cached").asBoolean()).isTrue();
    assertThat(hit.millis()).isLessThan(200);
    assertThat(sim.metric("horde_simulator_cache_hits_total{cache=\"answer\"}")).isEqualTo(1);
    assertThat(sim.metric("horde_simulator_tokens_generated_total")).isZero();
  }
}
