package horde.dsl;

import horde.scenario.StreamSpec;
import java.time.Duration;

/**
 * How to read a streamed answer, as a request's {@code stream:} in a scenario file. Start one with
 * {@link Dsl#openai}, {@link Dsl#sse} or {@link Dsl#chunked}.
 *
 * <pre>{@code
 * post("/v1/chat/completions").stream(openai())
 * get("/events").stream(sse().event("token").content("$.text").terminator("[DONE]"))
 * }</pre>
 */
public final class StreamBuilder {
  private final StreamSpec.Kind kind;
  private String event;
  private String content;
  private String terminator;
  private Duration idleTimeout;

  StreamBuilder(StreamSpec.Kind kind) {
    this.kind = kind;
  }

  /** Only events of this name carry tokens (SSE's {@code event:} line); default: unnamed ones. */
  public StreamBuilder event(String name) {
    if (kind == StreamSpec.Kind.CHUNKED)
      throw new IllegalArgumentException(
          "stream.event goes with sse and openai streams; a chunked body has no event names");
    event = name;
    return this;
  }

  /** A JSONPath to the token text in each event's data; default: the data itself is the token. */
  public StreamBuilder content(String jsonPath) {
    content = jsonPath;
    return this;
  }

  /** The data that ends a complete stream, like {@code [DONE]}; a stream without it fails. */
  public StreamBuilder terminator(String data) {
    terminator = data;
    return this;
  }

  /** The longest silence between events before the stream fails as stalled (default 30 s). */
  public StreamBuilder idleTimeout(Duration d) {
    idleTimeout = Times.positive(d, "stream.idle_timeout");
    return this;
  }

  public StreamBuilder idleTimeout(String d) {
    return idleTimeout(Times.parse(d, "stream.idle_timeout"));
  }

  StreamSpec build() {
    return new StreamSpec(kind, event, content, terminator, idleTimeout);
  }
}
