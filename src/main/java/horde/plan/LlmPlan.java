package horde.plan;

import horde.scenario.CacheHit;
import horde.scenario.Price;
import horde.scenario.StreamSpec;

/**
 * What a request tracks beyond its latency: how to read its stream, where its answer reports
 * tokens, what it costs, how it marks a cache hit. Any part may be null.
 *
 * @param content the token text in each stream event's data (null: the data itself)
 * @param inputTokens, outputTokens, answer paths in a JSON answer or final stream event
 * @param incomplete, error, stalled failure reasons for streams
 * @param events the paths a stream event is read for, picked from its bytes (null: not streamed,
 *     nothing to read, or a path only a tree can follow)
 * @param whole the paths an answer that arrives whole is read for, likewise (null: streamed, ...)
 */
public record LlmPlan(
    StreamSpec stream,
    JsonPath content,
    JsonPath inputTokens,
    JsonPath outputTokens,
    JsonPath answer,
    Price price,
    CacheHit cacheHit,
    JsonPath cacheField,
    int incomplete,
    int error,
    int stalled,
    AnswerPicks events,
    AnswerPicks whole) {

  public boolean streaming() {
    return stream != null;
  }

  /** Whether the answer must be kept to read tokens or the cache mark from it. */
  public boolean needsBody() {
    return !streaming() && (outputTokens != null || answer != null || cacheField != null);
  }
}
