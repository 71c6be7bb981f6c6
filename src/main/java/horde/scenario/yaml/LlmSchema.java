package horde.scenario.yaml;

import static horde.scenario.yaml.SchemaNodes.anyOf;
import static horde.scenario.yaml.SchemaNodes.doc;
import static horde.scenario.yaml.SchemaNodes.mapping;
import static horde.scenario.yaml.SchemaNodes.obj;
import static horde.scenario.yaml.SchemaNodes.oneOfWords;
import static horde.scenario.yaml.SchemaNodes.ref;
import static horde.scenario.yaml.SchemaNodes.string;
import static horde.scenario.yaml.SchemaNodes.text;

import horde.scenario.LlmSettings;
import java.util.List;
import java.util.Map;

/**
 * The schema of LLM accounting: the top-level {@code llm} section, and a request's {@code stream},
 * {@code llm}, {@code model} and {@code cache_hit}.
 */
final class LlmSchema {
  private LlmSchema() {}

  /** The request's keys that {@link AnswerReader} reads. */
  static Map<String, Object> requestProperties() {
    return obj(
        "stream", ref("stream"),
        "llm", ref("answerTokens"),
        "model",
            doc(
                "The price row (under llm.prices) this request is charged at; default: the"
                    + " literal model of its JSON body, else the row named default.",
                text()),
        "cache_hit",
            doc(
                "How this request's answers mark a cache hit (instead of llm.cache_hit).",
                ref("cacheHit")));
  }

  static Map<String, Object> definitions() {
    String[] kinds = AnswerReader.KINDS.toArray(String[]::new);
    Map<String, Object> price =
        mapping(
            "a price",
            LlmReader.PRICE_KEYS,
            obj(
                "input", doc("Dollars per million input tokens.", dollars()),
                "output", doc("Dollars per million output tokens.", dollars()),
                "per_request", doc("Dollars per request.", dollars()),
                "cached_input",
                doc(
                    "Dollars per million input tokens of answers marked as cache hits (as"
                        + " providers bill cached prompt tokens); the input price without it.",
                    dollars())));
    price.put("minProperties", 1);
    Map<String, Object> answerTokens =
        mapping(
            "llm",
            AnswerReader.LLM_KEYS,
            obj(
                "input_tokens", doc("JSONPath to the input token count.", string("^\\$")),
                "output_tokens", doc("JSONPath to the output token count.", string("^\\$")),
                "content",
                    doc(
                        "JSONPath to the answer's text (counted when no count is given).",
                        string("^\\$"))));
    answerTokens.put("minProperties", 1);
    Map<String, Object> cacheHit =
        mapping(
            "a cache-hit rule",
            CacheHitReader.KEYS,
            obj(
                "json",
                    doc(
                        "JSONPath to a field that is true (or equal to equals) on a hit.",
                        string("^\\$")),
                "header",
                    doc(
                        "A header present (or equal to equals) on a hit.",
                        string("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")),
                "equals", doc("The value that marks a hit, compared as text.", text())));
    cacheHit.put(
        "oneOf", List.of(obj("required", List.of("json")), obj("required", List.of("header"))));
    return obj(
        "llm",
        doc(
            "LLM accounting: how tokens are counted where an answer reports none, prices per"
                + " model, and how every answer marks a cache hit.",
            mapping(
                "llm",
                LlmReader.KEYS,
                obj(
                    "tokenizer",
                        doc(
                            "Counts tokens where an answer has no usage; default cl100k_base."
                                + " chars:N is N characters a token.",
                            anyOf(
                                oneOfWords(LlmSettings.VOCABULARIES.toArray(String[]::new)),
                                string("^chars:[0-9]+(\\.[0-9]+)?$"))),
                    "prices",
                        doc(
                            "Prices by model name; a request's model picks the row, else the row"
                                + " named default.",
                            obj("type", "object", "additionalProperties", ref("price"))),
                    "cache_hit", ref("cacheHit")))),
        "price",
        doc("What one model costs, in dollars; each part defaults to 0.", price),
        "cacheHit",
        doc(
            "How an answer marks a cache hit: {json: PATH} (true, or equal to equals) or {header:"
                + " NAME} (present, or equal to equals).",
            cacheHit),
        "stream",
        doc(
            "Read the answer as a stream, timing each token: openai (chat-completion chunks ending"
                + " with [DONE]), sse, chunked, or {kind, event, content, terminator,"
                + " idle_timeout}.",
            anyOf(
                oneOfWords(kinds),
                mapping(
                    "a stream",
                    AnswerReader.STREAM_KEYS,
                    obj(
                        "kind", oneOfWords(kinds),
                        "event", doc("sse, openai: the event name that carries tokens.", text()),
                        "content",
                            doc("JSONPath to the token text in an event's data.", string("^\\$")),
                        "terminator",
                            doc("The data that ends a complete stream, like \"[DONE]\".", text()),
                        "idle_timeout",
                            doc(
                                "Longest silence before the stream counts as stalled; default"
                                    + " 30s.",
                                ref("duration"))),
                    "kind"))),
        "answerTokens",
        doc(
            "Where the answer reports tokens: openai (usage.prompt_tokens, usage.completion_tokens,"
                + " choices[0].message.content) or JSONPaths.",
            anyOf(oneOfWords("openai"), answerTokens)));
  }

  private static Map<String, Object> dollars() {
    return obj("type", "number", "minimum", 0);
  }

}
