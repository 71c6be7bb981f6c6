package horde.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Alone;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@Alone
class ChatCompletionsTest {
  private static final String ASK =
      "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
          + "{\"role\":\"user\",\"content\":\"what is the knee\"}]";

  private RunningSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) sim.close();
  }

  @Test
  void answersAnOpenAiShapedCompletion() {
    sim = RunningSimulator.start(b -> b.outputTokens(12).outputTokensSpread(0));
    RunningSimulator.Reply r = sim.post("/v1/chat/completions", ASK + "}");

    assertThat(r.status()).isEqualTo(200);
    JsonNode j = r.json();
    assertThat(j.get("id").stringValue()).startsWith("chatcmpl-");
    assertThat(j.get("object").stringValue()).isEqualTo("chat.completion");
    assertThat(j.get("created").asLong()).isPositive();
    assertThat(j.get("model").stringValue()).isEqualTo("gpt-test");
    JsonNode choice = j.get("choices").get(0);
    assertThat(choice.get("message").get("role").stringValue()).isEqualTo("assistant");
    String content = choice.get("message").get("content").stringValue();
    assertThat(choice.get("finish_reason").stringValue()).isEqualTo("stop");
    JsonNode usage = j.get("usage");
    assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(6); // "be brief" + 4 words
    assertThat(usage.get("completion_tokens").asInt()).isEqualTo(12).isEqualTo(words(content));
    assertThat(usage.get("total_tokens").asInt()).isEqualTo(18);
  }

  @Test
  void maxTokensCapsTheAnswerWithFinishReasonLength() {
    sim = RunningSimulator.start(b -> b.outputTokens(50).outputTokensSpread(0));
    JsonNode j = sim.post("/v1/chat/completions", ASK + ",\"max_tokens\":3}").json();

    assertThat(j.get("usage").get("completion_tokens").asInt()).isEqualTo(3);
    assertThat(j.get("choices").get(0).get("finish_reason").stringValue()).isEqualTo("length");
  }

  @Test
  void streamsOneFlushedChunkPerTokenAtTheTokenRate() throws Exception {
    sim =
        RunningSimulator.start(
            b -> b.timeToFirstToken(Duration.ofMillis(150)).tokensPerSecond(50).outputTokens(60));
    String body =
        ASK + ",\"stream\":true,\"max_tokens\":8,\"stream_options\":{\"include_usage\":true}}";
    long sent = System.nanoTime();
    HttpResponse<Stream<String>> r =
        sim.http.send(
            sim.postRequest("/v1/chat/completions", body), HttpResponse.BodyHandlers.ofLines());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
    List<String> events = new ArrayList<>();
    List<Long> contentAt = new ArrayList<>();
    try (Stream<String> lines = r.body()) {
      lines
          .filter(l -> !l.isEmpty())
          .forEach(
              line -> {
                assertThat(line).startsWith("data: ");
                String data = line.substring(6);
                events.add(data);
                if (!data.equals("[DONE]")
                    && Json.parse(data.getBytes()).at("/choices/0/delta").has("content")) {
                  contentAt.add((System.nanoTime() - sent) / 1_000_000);
                }
              });
    }

    assertThat(events.getLast()).isEqualTo("[DONE]");
    assertThat(contentAt).hasSize(8);
    JsonNode finish = Json.parse(events.get(8).getBytes());
    assertThat(finish.at("/choices/0/finish_reason").stringValue()).isEqualTo("length");
    JsonNode usage = Json.parse(events.get(9).getBytes());
    assertThat(usage.get("choices")).isEmpty();
    assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(contentAt.size());
    JsonNode first = Json.parse(events.get(0).getBytes());
    assertThat(first.get("object").stringValue()).isEqualTo("chat.completion.chunk");
    assertThat(first.at("/choices/0/delta/role").stringValue()).isEqualTo("assistant");
    // First token at about the TTFT (150 ms), then one every 20 ms: 7 gaps, about 140 ms.
    // Bounds are loose: a busy CI machine delays timers, it never makes them early.
    assertThat(contentAt.getFirst()).isBetween(140L, 600L);
    long spread = contentAt.getLast() - contentAt.getFirst();
    assertThat(spread).isBetween(120L, 450L);
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < contentAt.size(); i++) gaps.add(contentAt.get(i) - contentAt.get(i - 1));
    assertThat(gaps.stream().sorted().toList().get(gaps.size() / 2))
        .as("median gap")
        .isBetween(10L, 60L);
  }

  @Test
  void rejectsMalformedOrIncompleteRequestsWith400() {
    sim = RunningSimulator.start(b -> b);
    RunningSimulator.Reply bad = sim.post("/v1/chat/completions", "{\"messages\": [");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/type").stringValue()).isEqualTo("invalid_request_error");
    assertThat(sim.post("/v1/chat/completions", "{}").status()).isEqualTo(400);
    assertThat(sim.post("/v1/chat/completions", "[1]").status()).isEqualTo(400);
    assertThat(sim.post("/v1/chat/completions", ASK + ",\"max_tokens\":0}").status())
        .isEqualTo(400);
    assertThat(sim.get("/health").status()).isEqualTo(200); // still serving
  }

  @Test
  void listsItsModel() {
    sim = RunningSimulator.start(b -> b);
    JsonNode j = sim.get("/v1/models").json();
    assertThat(j.at("/data/0/id").stringValue()).isEqualTo(ChatCompletions.MODEL);
  }

  private static int words(String text) {
    return (int) Arrays.stream(text.trim().split("\\s+")).count();
  }
}
