package horde.dsl;

import horde.scenario.LlmSpec;

/**
 * Where an answer reports its tokens and its text, as a request's {@code llm:} in a scenario file:
 * JSONPaths into the answer (or a stream's last event). Start one with {@link Dsl#usage}, or take
 * OpenAI's with {@link Dsl#openaiUsage}. A path not given, or absent from an answer, falls back to
 * counting with the scenario's tokenizer.
 *
 * <pre>{@code
 * post("/api/ask").llm(usage().inputTokens("$.usage.in").outputTokens("$.usage.out"))
 * }</pre>
 */
public final class UsageBuilder {
  private String inputTokens;
  private String outputTokens;
  private String content;

  UsageBuilder() {}

  UsageBuilder(LlmSpec from) {
    inputTokens = from.inputTokens();
    outputTokens = from.outputTokens();
    content = from.content();
  }

  /** A JSONPath to the number of input (prompt) tokens. */
  public UsageBuilder inputTokens(String jsonPath) {
    inputTokens = jsonPath;
    return this;
  }

  /** A JSONPath to the number of output (completion) tokens. */
  public UsageBuilder outputTokens(String jsonPath) {
    outputTokens = jsonPath;
    return this;
  }

  /** A JSONPath to the answer's text, counted when the answer gives no output tokens. */
  public UsageBuilder content(String jsonPath) {
    content = jsonPath;
    return this;
  }

  LlmSpec build() {
    if (inputTokens == null && outputTokens == null && content == null)
      throw new IllegalArgumentException(
          "llm: expected at least one of input_tokens, output_tokens and content");
    return new LlmSpec(inputTokens, outputTokens, content);
  }
}
