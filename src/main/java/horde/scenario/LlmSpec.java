package horde.scenario;

/**
 * Where an LLM response says how many tokens it used and what it answered, for token counts and
 * cost. {@link #OPENAI} reads {@code usage.prompt_tokens} / {@code usage.completion_tokens} and
 * {@code choices[0].message.content}. A path that is null or absent from the response falls back
 * to counting (the request body for input, the answer for output) with the scenario's tokenizer.
 */
public record LlmSpec(String inputTokens, String outputTokens, String content) {
  public static final LlmSpec OPENAI =
      new LlmSpec("$.usage.prompt_tokens", "$.usage.completion_tokens", "$.choices[0].message.content");
}
