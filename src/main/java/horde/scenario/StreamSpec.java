package horde.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * A response read as a stream of events as it arrives, each timestamped: time to first token,
 * gaps between tokens, a stream that stops early.
 *
 * @param event SSE only: which event name carries tokens; null = unnamed ({@code message}) events
 * @param content a JSONPath to the token text in an event's data (OpenAI: {@code
 *     $.choices[0].delta.content}); null = the data itself is the token
 * @param terminator the data that ends a complete stream ({@code [DONE]}); null = the end of the
 *     response ends it
 * @param idleTimeout the longest silence between events before the stream counts as stalled
 */
public record StreamSpec(Kind kind, String event, String content, String terminator, Duration idleTimeout) {
  public enum Kind {
    /** Server-Sent Events, any server. */
    SSE,
    /** OpenAI's chat-completion chunks over SSE, ending with {@code data: [DONE]}. */
    OPENAI,
    /** A chunked body: each chunk is an event. */
    CHUNKED
  }

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  public StreamSpec {
    Objects.requireNonNull(kind, "kind");
    idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
    if (idleTimeout.isNegative() || idleTimeout.isZero())
      throw new IllegalArgumentException("idle_timeout must be above 0, not " + idleTimeout);
    if (kind == Kind.CHUNKED && event != null)
      throw new IllegalArgumentException("event goes with sse and openai streams; a chunked body has no event names");
    if (kind == Kind.OPENAI) {
      content = content == null ? "$.choices[0].delta.content" : content;
      terminator = terminator == null ? "[DONE]" : terminator;
    }
  }

  public static StreamSpec of(Kind kind) {
    return new StreamSpec(kind, null, null, null, null);
  }
}
