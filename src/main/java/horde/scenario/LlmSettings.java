package horde.scenario;

import java.util.Map;

/**
 * The scenario's LLM accounting.
 *
 * @param tokenizer how tokens are counted where a response has no usage: {@code cl100k_base},
 *     {@code o200k_base}, or {@code chars:N} (N characters a token)
 * @param prices by model name; a request's model (its {@code model} key, else the literal {@code
 *     model} of its JSON body) picks the row, else the row named {@code default}
 * @param cacheHit how responses mark a cache hit; null = not tracked (requests may say their own)
 */
public record LlmSettings(String tokenizer, Map<String, Price> prices, CacheHit cacheHit) {
  public static final String DEFAULT_TOKENIZER = "cl100k_base";
  public static final LlmSettings NONE = new LlmSettings(DEFAULT_TOKENIZER, Map.of(), null);

  public LlmSettings {
    tokenizer = tokenizer == null ? DEFAULT_TOKENIZER : tokenizer;
    prices = Maps.ordered(prices);
  }
}
