package horde.dsl;

import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.Step;
import horde.scenario.WsStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket steps of the Java API, the same as in a scenario file: {@link Dsl#ws} opens the
 * user's socket, {@link Dsl#wsSendJson} and {@link Dsl#wsSend} write to it, {@link Dsl#wsAwait}
 * waits for a matching message, {@link Dsl#wsClose} closes it.
 *
 * <pre>{@code
 * ws("/ws/chat").name("chat-socket"),
 * wsSendJson("{\"type\": \"ask\", \"text\": \"${question}\"}"),
 * wsAwait(jsonPath("$.type").equalTo("done")).timeout("30s").streamTokens().save("answer_id", "$.id"),
 * wsClose()
 * }</pre>
 */
public final class WsBuilder {
  private WsBuilder() {}

  /** Opens the user's socket: {@code ws: PATH}. */
  public static final class Connect implements StepBuilder {
    private final String path;
    private String name;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final List<String> subprotocols = new ArrayList<>();
    private Duration timeout;

    Connect(String path) {
      this.path = path;
    }

    /** The endpoint its connects are counted under (default: the path). */
    public Connect name(String name) {
      this.name = name;
      return this;
    }

    public Connect header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Connect query(String name, String value) {
      query.put(name, value);
      return this;
    }

    public Connect subprotocols(String... protocols) {
      subprotocols.addAll(Arrays.asList(protocols));
      return this;
    }

    /** For the connection and the opening handshake (default 30s). */
    public Connect timeout(String d) {
      timeout = Times.positive(Times.parse(d, "timeout"), "timeout");
      return this;
    }

    @Override
    public Step build() {
      return new WsStep.Connect(path, name, headers, query, subprotocols, timeout, null);
    }
  }

  /** Waits for the first message since the last send that meets every condition. */
  public static final class Await implements StepBuilder {
    private final List<Check> match;
    private final List<Extract> saves = new ArrayList<>();
    private Duration timeout;
    private boolean stream;
    private String name;

    Await(Check... match) {
      this.match = List.of(match);
    }

    /** How long to wait (default 30s); then it fails with {@code ws await timeout}. */
    public Await timeout(String d) {
      timeout = Times.positive(Times.parse(d, "timeout"), "timeout");
      return this;
    }

    /** Each message before the match is a token: time to first token and inter-token latency. */
    public Await streamTokens() {
      stream = true;
      return this;
    }

    /** Saves a value of the matching message (a JSONPath). */
    public Await save(String variable, String jsonPath) {
      saves.add(new Extract(variable, Extract.Source.JSON, jsonPath, null));
      return this;
    }

    /** Saves a regular expression's first group (or whole match) over the matching message. */
    public Await saveRegex(String variable, String regex) {
      saves.add(new Extract(variable, Extract.Source.REGEX, regex, null));
      return this;
    }

    /** The endpoint its round trips are counted under (default: the socket's name and "await"). */
    public Await name(String name) {
      this.name = name;
      return this;
    }

    @Override
    public Step build() {
      return new WsStep.Await(match, timeout, saves, stream, name, null);
    }
  }
}
