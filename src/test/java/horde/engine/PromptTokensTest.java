package horde.engine;

import static org.assertj.core.api.Assertions.assertThat;

import horde.Cli;
import horde.cli.ExitCode;
import horde.plan.Planner;
import horde.plan.RequestPlan;
import horde.plan.Tokenizer;
import horde.result.ResultReader;
import horde.scenario.yaml.ScenarioLoader;
import horde.stats.LlmStats;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams whose answers report no usage (the simulator's, not asked for it) have their prompt
 * counted by Horde's tokenizer: a constant body once for the run, a templated one at each answer
 * (two prompts of different lengths, taken in turn from a feeder, each counted as its own), and
 * every stream gets its prompt's count, as jtokkit itself counts it. A templated body's count is
 * kept by its text, up to a budget of characters.
 */
class PromptTokensTest {
  static final String PROMPT = "Tell me about load testing, at length, with the knee of the curve and Little's law";
  @TempDir Path tmp;

  @Test
  void aConstantAndATemplatedPromptAreCountedForEveryStream() throws Exception {
    Tokenizer cl100k = Tokenizer.of("cl100k_base");
    long tokens = cl100k.count(PROMPT + "\n"); // a message's content ends its line
    String topic = "load testing", longer = "capacity planning, queueing theory and the tail latency of an overloaded server";
    long more = cl100k.count(PROMPT.replace(topic, longer) + "\n");
    Files.writeString(tmp.resolve("topics.csv"), "topic\n" + topic + "\n\"" + longer + "\"\n");
    try (Simulator sim = Simulator.start(SimulatorOptions.builder().threads(2).outputTokens(3).outputTokensSpread(0)
        .build())) {
      assertThat(streamedPromptTokens(sim, "", PROMPT)).isEqualTo(40 * tokens);
      // the rows alternate, but which of them the 40 sent requests got depends on the users' timing
      long templated = streamedPromptTokens(sim, "feeders: {topics: topics.csv}", PROMPT.replace(topic, "${topics.topic}"));
      assertThat((templated - 40 * tokens) % (more - tokens)).as("every stream counted as one of the two prompts").isZero();
      assertThat((templated - 40 * tokens) / (more - tokens)).as("streams with the longer prompt").isBetween(15L, 25L);
    }
  }

  @Test
  void aTemplatedBodyIsKeptByItsTextUntilTheBudgetIsSpent() throws Exception {
    RequestPlan post = (RequestPlan) new Planner(Map.of()).plan(ScenarioLoader.parse("""
        target: http://127.0.0.1:9
        variables: {topic: x}
        users:
          - tasks:
              - post: /v1/chat/completions
                json: {model: m, messages: [{role: user, content: "${topic}"}]}
        """, "t.yaml", tmp)).users().get(0).tasks().get(0).steps().get(0);
    Tokenizer cl100k = Tokenizer.of("cl100k_base");
    String a = body("Tell me about queues"), b = body("Tell me about queues, at length, and the knee of the curve");
    PromptTokens prompts = new PromptTokens(cl100k, 1, a.length());
    for (int i = 0; i < 3; i++) {
      assertThat(prompts.of(post, new StringBuilder(a))).isEqualTo(cl100k.count("Tell me about queues\n"));
      assertThat(prompts.kept()).isEqualTo(1);
    }
    assertThat(prompts.of(post, b)).as("past the budget: counted, not kept")
        .isEqualTo(cl100k.count("Tell me about queues, at length, and the knee of the curve\n"));
    assertThat(prompts.kept()).isEqualTo(1);
  }

  private static String body(String content) {
    return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
  }

  /** Input tokens over a run of 40 streams with {@code content} as the prompt. */
  private long streamedPromptTokens(Simulator sim, String feeders, String content) throws Exception {
    Path scenario = Files.writeString(tmp.resolve("s" + System.nanoTime() + ".yaml"), """
        name: prompts
        target: %s
        %s
        users:
          - tasks:
              - post: /v1/chat/completions
                stream: openai
                json: {model: m, stream: true, messages: [{role: user, content: "%s"}]}
        load: {requests: 40, concurrency: 4}
        """.formatted(sim.baseUrl(), feeders, content));
    Path out = tmp.resolve("r" + System.nanoTime() + ".json");
    Cli cli = Cli.run("run", scenario.toString(), "-q", "--out", out.toString());
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCode.PASS);
    LlmStats llm = ResultReader.read(out).stats().endpoints().get(0).llm();
    assertThat(llm.streams()).isEqualTo(40);
    assertThat(llm.outputTokens()).as("counted from the answers' text").isPositive();
    return llm.inputTokens();
  }
}
