package horde.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The WebSocket steps. A user opens one socket with {@link Connect}; it stays open across steps and
 * tasks until {@link Close}, the server closes it, or the user ends. {@link Send} writes a message;
 * {@link Await} waits for the first message since the last send that matches, timing the round
 * trip (and, with {@code stream}, each message before it as a token: TTFT, ITL).
 *
 * <pre>{@code
 * - ws: /ws/chat
 * - ws_send: {json: {type: ask, text: "${question}"}}
 * - ws_await: {json: {$.type: done}, timeout: 30s, stream: tokens}
 * - ws_close: {}
 * }</pre>
 */
public sealed interface WsStep extends Step permits WsStep.Connect, WsStep.Send, WsStep.Await, WsStep.Close {
  /** The default wait for a matching message and for the opening handshake. */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Opens the user's socket (closing one it had open).
   *
   * @param path relative to the target (ws:// or wss:// follows its scheme), or an absolute
   *     ws://, wss://, http:// or https:// URL
   * @param name the endpoint its connects are counted under; null means the path as written
   * @param subprotocols offered in {@code Sec-WebSocket-Protocol}; empty for none
   * @param timeout for the connection and the opening handshake
   */
  record Connect(String path, String name, Map<String, String> headers, Map<String, String> query,
      List<String> subprotocols, Duration timeout, SourcePosition position) implements WsStep {
    public Connect {
      Objects.requireNonNull(path, "path");
      headers = Maps.ordered(headers);
      query = Maps.ordered(query);
      subprotocols = List.copyOf(subprotocols == null ? List.of() : subprotocols);
      timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
      position = position == null ? SourcePosition.UNKNOWN : position;
    }

    public static Connect of(String path) {
      return new Connect(path, null, null, null, null, null, null);
    }

    public String endpointName() {
      return name != null ? name : UrlCredentials.hidden(path);
    }
  }

  /** What a message carries: text (templated), a JSON value (templated strings), or bytes (base64). */
  record Message(Kind kind, String text, Object json) {
    public enum Kind {
      TEXT,
      JSON,
      BINARY
    }

    public Message {
      Objects.requireNonNull(kind, "kind");
      if (kind == Kind.JSON) Objects.requireNonNull(json, "json");
      else Objects.requireNonNull(text, "text");
    }

    public static Message text(String text) {
      return new Message(Kind.TEXT, text, null);
    }

    public static Message json(Object tree) {
      return new Message(Kind.JSON, null, tree);
    }
  }

  /** Sends one message on the user's socket. */
  record Send(Message message, SourcePosition position) implements WsStep {
    public Send {
      Objects.requireNonNull(message, "message");
      position = position == null ? SourcePosition.UNKNOWN : position;
    }
  }

  /**
   * Waits for the first message since the last send that meets every condition in {@code match}
   * (any message when there is none); others are counted. Fails with {@code ws await timeout}
   * when none comes within {@code timeout}, or when the server closes the socket first.
   *
   * @param match conditions on the message: {@link Check.JsonField} and {@link Check.BodyContains}
   * @param stream each message before the match is a token: time to first token, inter-token latency
   * @param name the endpoint round trips are counted under; null means the socket's name and "await"
   */
  record Await(List<Check> match, Duration timeout, List<Extract> saves, boolean stream, String name,
      SourcePosition position) implements WsStep {
    public Await {
      match = List.copyOf(match == null ? List.of() : match);
      for (Check c : match) {
        if (!(c instanceof Check.JsonField || c instanceof Check.BodyContains))
          throw new IllegalArgumentException("ws_await matches messages on json and contains only");
      }
      saves = List.copyOf(saves == null ? List.of() : saves);
      for (Extract e : saves) {
        if (e.source() == Extract.Source.HEADER || e.source() == Extract.Source.COOKIE)
          throw new IllegalArgumentException("a message has no headers or cookies: save from json or regex");
      }
      timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
      if (timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("ws_await timeout must be > 0");
      position = position == null ? SourcePosition.UNKNOWN : position;
    }

    /** The endpoint name of its round trips, after a socket with endpoint name {@code socket} (null: none). */
    public String endpointName(String socket) {
      return name != null ? name : (socket == null ? "ws" : socket) + " await";
    }

    public static Await of(Check... match) {
      return new Await(List.of(match), null, null, false, null, null);
    }
  }

  /** Closes the user's socket with {@code code} (1000, a normal closure, unless said). */
  record Close(int code, SourcePosition position) implements WsStep {
    public Close {
      if (code != 1000 && (code < 3000 || code > 4999))
        throw new IllegalArgumentException("ws_close code must be 1000, or from 3000 to 4999, not " + code);
      position = position == null ? SourcePosition.UNKNOWN : position;
    }
  }
}
