package horde.engine;

import horde.plan.Tokenizer;
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
 * spares a constant body at every answer after its first. {@code bench/jmh.sh PromptTokens}.
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

  @Setup(Level.Trial)
  public void setUp() {
    tokenizer.warm();
    StringBuilder text = new StringBuilder();
    while (text.length() < chars) text.append("Refunds are accepted within thirty days when the item is unused. ");
    body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"system\",\"content\":\"Answer briefly.\"},"
        + "{\"role\":\"user\",\"content\":\"" + text.substring(0, chars) + "\"}]}";
  }

  @Benchmark
  public int countedAtAnAnswer() {
    return tokenizer.count(Json.prompt(body));
  }
}
