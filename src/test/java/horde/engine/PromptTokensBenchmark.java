package horde.engine;

import horde.plan.Planner;
import horde.plan.RequestPlan;
import horde.plan.Tokenizer;
import horde.scenario.yaml.ScenarioLoader;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What counting a chat body's prompt costs the event loop at an answer without usage: the body
 * read for its messages, then their text counted with {@code cl100k_base}; what {@link PromptTokens}
 * spares a constant body at every answer after its first, and what a templated body it has counted
 * before still costs (its text made a String and looked up). {@code bench/jmh.sh PromptTokens}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PromptTokensBenchmark {
  /** Characters of the user message: a short question, a long one, a RAG prompt with its passages. */
  @Param({"200", "2000", "16000"})
  public int chars;

  private final Tokenizer tokenizer = Tokenizer.of("cl100k_base");
  private String body;
  private StringBuilder rendered;
  private RequestPlan templated;
  private PromptTokens prompts;

  @Setup(Level.Trial)
  public void setUp() {
    tokenizer.warm();
    StringBuilder text = new StringBuilder();
    while (text.length() < chars) text.append("Refunds are accepted within thirty days when the item is unused. ");
    body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"system\",\"content\":\"Answer briefly.\"},"
        + "{\"role\":\"user\",\"content\":\"" + text.substring(0, chars) + "\"}]}";
    rendered = new StringBuilder(body);
    templated = (RequestPlan) new Planner(Map.of()).plan(ScenarioLoader.parse(
        "target: http://127.0.0.1:9\nvariables: {q: x}\nusers:\n  - tasks:\n      - post: /v1\n        json: {q: \"${q}\"}\n",
        "bench.yaml", null)).users().get(0).tasks().get(0).steps().get(0);
    prompts = new PromptTokens(tokenizer, 1);
    prompts.of(templated, rendered);
  }

  @Benchmark
  public int countedAtAnAnswer() {
    return tokenizer.count(Json.prompt(body));
  }

  @Benchmark
  public long keptAtAnAnswer() {
    return prompts.of(templated, rendered);
  }
}
