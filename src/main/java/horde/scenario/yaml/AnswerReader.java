package horde.scenario.yaml;

import horde.scenario.Body;
import horde.scenario.CacheHit;
import horde.scenario.LlmSpec;
import horde.scenario.StreamSpec;
import horde.scenario.Suggest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads what a request tracks of its answer: {@code stream} (how to read a streamed answer),
 * {@code llm} (where it reports tokens), {@code model} (its price row) and {@code cache_hit}. It
 * also notes what the scenario's requests use, as written, for the checks of thresholds and models.
 *
 * <pre>{@code
 * - post: /v1/chat/completions
 *   stream: openai                   # or {kind: sse, event: token, content: $.text}
 *   llm: {output_tokens: $.usage.output_tokens}
 *   model: gpt-4o-mini
 *   cache_hit: {header: X-Cache, equals: HIT}
 * }</pre>
 */
final class AnswerReader {
  static final List<String> KINDS = List.of("sse", "openai", "chunked");
  static final Set<String> STREAM_KEYS =
      Set.of("kind", "event", "content", "terminator", "idle_timeout");
  static final Set<String> LLM_KEYS = Set.of("input_tokens", "output_tokens", "content");
  private static final String KIND = "sse, openai or chunked";

  /** What a request tracks; any part may be null. */
  record Tracking(StreamSpec stream, LlmSpec llm, String model, CacheHit cacheHit) {}

  /** A request's {@code model} as written, checked against the price rows once they are read. */
  record ModelName(Node node, String model) {}

  private final Problems p;
  private boolean streams;
  private boolean tokens;
  private boolean cacheHits;
  private boolean websockets;
  private final List<ModelName> models = new ArrayList<>();

  AnswerReader(Problems problems) {
    this.p = problems;
  }

  /** Whether a request has {@code stream}. */
  boolean streams() {
    return streams;
  }

  /** Whether a request has {@code stream}, {@code llm} or {@code model}: its tokens are counted. */
  boolean tokens() {
    return tokens;
  }

  /** Whether a request has its own {@code cache_hit}. */
  boolean cacheHits() {
    return cacheHits;
  }

  /** Whether a step opens a WebSocket. */
  boolean websockets() {
    return websockets;
  }

  /** A WebSocket step was read; {@code stream} when it reads messages as tokens. */
  void webSocket(boolean stream) {
    websockets = true;
    streams |= stream;
  }

  List<ModelName> models() {
    return models;
  }

  /** The request's tracking keys, or null after a problem in them. */
  Tracking read(Fields f, Body body) {
    streams |= f.has("stream");
    tokens |= f.has("stream") || f.has("llm") || f.has("model");
    cacheHits |= f.has("cache_hit");
    StreamSpec stream = f.has("stream") ? stream(f.get("stream")) : null;
    LlmSpec llm = f.has("llm") ? llm(f.get("llm")) : null;
    String model = f.has("model") ? model(f.get("model")) : null;
    CacheHit cacheHit =
        f.has("cache_hit") ? CacheHitReader.read(p, f.get("cache_hit"), "cache_hit") : null;
    if (stream != null
        && body instanceof Body.Json j
        && j.tree() instanceof Map<?, ?> m
        && Boolean.FALSE.equals(m.get("stream")))
      p.add(
          f.get("stream"),
          "stream: reads a streamed answer, but the json body asks for none (stream: false)");
    if ((f.has("stream") && stream == null)
        || (f.has("llm") && llm == null)
        || (f.has("model") && model == null)
        || (f.has("cache_hit") && cacheHit == null)) return null;
    return new Tracking(stream, llm, model, cacheHit);
  }

  private StreamSpec stream(Node node) {
    if (Nodes.isBool(node)) {
      p.add(
          node,
          "stream: expected "
              + KIND
              + " (how to read the answer), found '"
              + ((ScalarNode) node).getValue()
              + "'; to ask for a streamed answer, put stream: true in the json body");
      return null;
    }
    if (Nodes.isValue(node)) {
      StreamSpec.Kind kind = Values.choice(p, node, "stream", KINDS, StreamSpec.Kind.class);
      return kind == null ? null : StreamSpec.of(kind);
    }
    if (!(node instanceof MappingNode)) {
      Values.expected(
          p,
          node,
          "stream",
          KIND + ", or a mapping like {kind: sse, event: token, content: $.text}");
      return null;
    }
    Fields f = Fields.of(p, node, "stream", "a stream", STREAM_KEYS);
    if (!f.has("kind")) {
      p.add(f.node(), "a stream needs kind: " + KIND + ", like {kind: sse, content: $.text}");
      return null;
    }
    StreamSpec.Kind kind =
        Values.choice(p, f.get("kind"), "stream.kind", KINDS, StreamSpec.Kind.class);
    String event =
        f.has("event")
            ? Values.nonEmpty(p, f.get("event"), "stream.event", "an event name like token")
            : null;
    if (kind == StreamSpec.Kind.CHUNKED && f.has("event"))
      p.add(
          f.key("event"),
          "stream.event goes with sse and openai streams; a chunked body has no event names");
    String content = f.has("content") ? jsonPath(p, f.get("content"), "stream.content") : null;
    String terminator =
        f.has("terminator")
            ? Values.nonEmpty(
                p,
                f.get("terminator"),
                "stream.terminator",
                "the data that ends a complete stream, quoted, like \"[DONE]\"")
            : null;
    Duration idle =
        f.has("idle_timeout")
            ? Values.duration(p, f.get("idle_timeout"), "stream.idle_timeout", false)
            : null;
    if (kind == null
        || (f.has("event") && (event == null || kind == StreamSpec.Kind.CHUNKED))
        || (f.has("content") && content == null)
        || (f.has("terminator") && terminator == null)
        || (f.has("idle_timeout") && idle == null)) return null;
    return p.build(node, () -> new StreamSpec(kind, event, content, terminator, idle));
  }

  private LlmSpec llm(Node node) {
    String what =
        "openai, or a mapping of JSONPaths like {input_tokens: $.usage.input_tokens,"
            + " output_tokens: $.usage.output_tokens, content: $.text}";
    if (Nodes.isValue(node)) {
      String text = ((ScalarNode) node).getValue();
      if (text.equals("openai")) return LlmSpec.OPENAI;
      p.add(
          node,
          "llm: expected "
              + what
              + ", found '"
              + text
              + "'"
              + Suggest.didYouMean(text, List.of("openai")));
      return null;
    }
    if (!(node instanceof MappingNode)) {
      Values.expected(p, node, "llm", what);
      return null;
    }
    Fields f = Fields.of(p, node, "llm", "the token paths of llm", LLM_KEYS);
    if (f.node().getValue().isEmpty()) {
      Values.expected(p, node, "llm", "at least one of input_tokens, output_tokens and content");
      return null;
    }
    String in =
        f.has("input_tokens") ? jsonPath(p, f.get("input_tokens"), "llm.input_tokens") : null;
    String out =
        f.has("output_tokens") ? jsonPath(p, f.get("output_tokens"), "llm.output_tokens") : null;
    String content = f.has("content") ? jsonPath(p, f.get("content"), "llm.content") : null;
    if ((f.has("input_tokens") && in == null)
        || (f.has("output_tokens") && out == null)
        || (f.has("content") && content == null)
        || f.keys().isEmpty()) return null;
    return new LlmSpec(in, out, content);
  }

  private String model(Node node) {
    String model = Values.nonEmpty(p, node, "model", "the name of a price row, like gpt-4o-mini");
    if (model == null) return null;
    if (model.contains("${")) {
      p.add(node, "model: names a price row as written; templates are not expanded here");
      return null;
    }
    models.add(new ModelName(node, model));
    return model;
  }

  /** A JSONPath as {@link CheckReader#jsonPath} checks it; null after a problem. */
  static String jsonPath(Problems p, Node node, String label) {
    if (!Nodes.isValue(node)) {
      Values.expected(p, node, label, CheckReader.JSON_PATH_EXAMPLE);
      return null;
    }
    ScalarNode s = (ScalarNode) node;
    return CheckReader.jsonPath(p, s, label) ? s.getValue() : null;
  }
}
