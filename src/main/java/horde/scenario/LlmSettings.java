package horde.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scenario's LLM accounting.
 *
 * <pre>{@code
 * new LlmSettings("o200k_base", Map.of("gpt-4o-mini", new Price(0.15, 0.60, 0)), null)
 * }</pre>
 *
 * @param tokenizer how tokens are counted where a response has no usage: one of {@link
 *     #VOCABULARIES} ({@code cl100k_base} by default), or {@code chars:N} (N characters a token)
 * @param prices by model name; a request's model (its {@code model} key, else the literal {@code
 *     model} of its JSON body) picks the row, else the row named {@code default}
 * @param cacheHit how responses mark a cache hit, for every request; null = not tracked (requests
 *     may say their own)
 */
public record LlmSettings(String tokenizer, Map<String, Price> prices, CacheHit cacheHit) {
  /** The BPE vocabularies that count tokens without a download. */
  public static final List<String> VOCABULARIES =
      List.of("cl100k_base", "o200k_base", "p50k_base", "r50k_base");

  public static final String DEFAULT_TOKENIZER = "cl100k_base";

  /** The price row of requests whose model has no row of its own. */
  public static final String DEFAULT_PRICE = "default";

  public static final LlmSettings NONE = new LlmSettings(DEFAULT_TOKENIZER, Map.of(), null);

  public LlmSettings {
    tokenizer = tokenizer == null ? DEFAULT_TOKENIZER : tokenizer;
    String problem = tokenizerProblem(tokenizer);
    if (problem != null) throw new IllegalArgumentException(problem);
    prices = Maps.ordered(prices);
    prices.forEach(
        (model, price) -> {
          if (model == null || model.isBlank()) throw new IllegalArgumentException("a price needs a model name");
          Objects.requireNonNull(price, "price of " + model);
        });
  }

  /** Why {@code spec} names no tokenizer, or null when it names one. */
  public static String tokenizerProblem(String spec) {
    if (spec.startsWith("chars:")) {
      String n = spec.substring(6);
      return n.matches("[0-9]+(\\.[0-9]+)?") && Double.parseDouble(n) > 0
          ? null
          : "tokenizer '" + spec + "': chars:N needs a number of characters above 0, like chars:4";
    }
    if (VOCABULARIES.contains(spec)) return null;
    return "unknown tokenizer '" + spec + "'" + Suggest.didYouMean(spec, VOCABULARIES) + "; use one of "
        + String.join(", ", VOCABULARIES) + " or chars:N";
  }

  /**
   * Why a request's {@code model} picks no price row, or null when it does (or when there are no
   * prices at all: then nothing is charged).
   */
  public String unknownModel(String model) {
    return unknownModel(model, prices.keySet());
  }

  /** {@link #unknownModel(String)} among the price rows {@code rows}. */
  public static String unknownModel(String model, Collection<String> rows) {
    if (rows.isEmpty() || rows.contains(model)) return null;
    return "no price for model '" + model + "'" + Suggest.didYouMean(model, rows) + "; prices: "
        + String.join(", ", rows);
  }
}
