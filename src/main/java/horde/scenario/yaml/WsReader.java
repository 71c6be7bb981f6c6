package horde.scenario.yaml;

import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.UrlCredentials;
import horde.scenario.WsStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the WebSocket steps.
 *
 * <pre>{@code
 * - ws: /ws/chat                        - ws_send: {json: {type: ask, text: "${q}"}}
 *   name: chat-socket                   - ws_await: {json: {$.type: done}, timeout: 30s, save: {id: $.id}}
 *   subprotocols: [chat.v1]               stream: tokens
 *                                       - ws_close: {}
 * }</pre>
 */
final class WsReader {
  static final Set<String> CONNECT_KEYS = Set.of("ws", "name", "headers", "query", "subprotocols", "timeout");
  static final Set<String> SEND_KEYS = Set.of("ws_send");
  static final Set<String> MESSAGE_KEYS = Set.of("text", "json", "binary");
  static final Set<String> AWAIT_STEP_KEYS = Set.of("ws_await", "stream", "name");
  static final Set<String> AWAIT_KEYS = Set.of("json", "contains", "timeout", "save", "stream", "name");
  static final Set<String> CLOSE_KEYS = Set.of("ws_close");
  static final Set<String> CLOSE_VALUE_KEYS = Set.of("code");

  private final Problems p;
  private final TaskReader tasks;
  private final CheckReader checks;
  private final SaveReader saves;
  private final AnswerReader answers;
  /** The endpoint name of the socket opened last: awaits without a name of their own are counted under it. */
  private String lastSocket = "ws";

  WsReader(Problems problems, TaskReader tasks, SaveReader saves, AnswerReader answers) {
    this.p = problems;
    this.tasks = tasks;
    this.checks = new CheckReader(problems);
    this.saves = saves;
    this.answers = answers;
  }

  WsStep connect(Node item, String label) {
    Fields f = fields(item, label, "a WebSocket: {ws: /path, name, headers, query, subprotocols, timeout}", CONNECT_KEYS);
    if (f == null) return null;
    answers.webSocket(false);
    String path = wsPath(f.get("ws"));
    String name = f.has("name") ? Values.nonEmpty(p, f.get("name"), "name", "an endpoint name") : null;
    tasks.rememberName(name != null ? name : path);
    if (name != null || path != null) lastSocket = name != null ? name : UrlCredentials.hidden(path);
    Map<String, String> headers = f.has("headers") ? RequestReader.headers(p, f.get("headers")) : Map.of();
    Map<String, String> query = f.has("query") ? Values.strings(p, f.get("query"), "query", true) : Map.of();
    List<String> protocols = f.has("subprotocols") ? words(f.get("subprotocols")) : List.of();
    Duration timeout = f.has("timeout") ? Values.duration(p, f.get("timeout"), "timeout", false) : null;
    if (path == null || (f.has("name") && name == null) || protocols == null || (f.has("timeout") && timeout == null))
      return null;
    return p.build(item, () -> new WsStep.Connect(path, name, headers, query, protocols, timeout, p.at(item)));
  }

  /** A path, or an absolute ws://, wss://, http:// or https:// URL. */
  private String wsPath(Node node) {
    String what = "a path like /ws/chat, or a URL like ws://host/ws/chat";
    String path = Values.template(p, node, "ws", what);
    if (path == null) return null;
    String s = path.strip();
    for (String scheme : List.of("ws://", "wss://", "http://", "https://"))
      if (s.regionMatches(true, 0, scheme, 0, scheme.length())) return s;
    if (s.startsWith("/") || s.startsWith("${")) return s;
    Values.expected(p, node, "ws", what);
    return null;
  }

  private List<String> words(Node node) {
    List<Node> items = node instanceof SequenceNode s ? s.getValue() : List.of(node);
    List<String> out = new ArrayList<>();
    for (Node n : items) {
      String w = Values.nonEmpty(p, n, "subprotocols", "a subprotocol name, or a list of them");
      if (w == null) return null;
      out.add(w.strip());
    }
    return out;
  }

  WsStep send(Node item, String label) {
    Fields f = fields(item, label, "a message to send: {ws_send: {text|json|binary: ...}}", SEND_KEYS);
    if (f == null) return null;
    Node value = f.get("ws_send");
    WsStep.Message message = Nodes.isValue(value) ? text(value) : message(value);
    return message == null ? null : p.build(item, () -> new WsStep.Send(message, p.at(item)));
  }

  private WsStep.Message text(Node node) {
    String t = Values.template(p, node, "ws_send", "text, or {text|json|binary: ...}");
    return t == null ? null : WsStep.Message.text(t);
  }

  private WsStep.Message message(Node node) {
    Fields f = Fields.of(p, node, "ws_send", "{text: ...}, {json: ...} or {binary: BASE64}", MESSAGE_KEYS);
    if (f == null) return null;
    if (f.keys().size() != 1) {
      p.add(f.node(), "ws_send: expected exactly one of text, json or binary");
      return null;
    }
    String kind = f.keys().getFirst();
    Node v = f.get(kind);
    return switch (kind) {
      case "text" -> text(v);
      case "json" -> Nodes.isNull(v) ? null : WsStep.Message.json(JsonTree.read(p, v));
      default -> binary(v);
    };
  }

  private WsStep.Message binary(Node node) {
    String b = Values.nonEmpty(p, node, "binary", "the bytes in base64");
    if (b == null) return null;
    try {
      Base64.getDecoder().decode(b.strip());
      return new WsStep.Message(WsStep.Message.Kind.BINARY, b.strip(), null);
    } catch (IllegalArgumentException e) {
      Values.expected(p, node, "binary", "the bytes in base64");
      return null;
    }
  }

  WsStep await(Node item, String label) {
    Fields step = fields(item, label, "a wait for a message: {ws_await: {json: ..., timeout: 30s}}", AWAIT_STEP_KEYS);
    if (step == null) return null;
    Node value = step.get("ws_await");
    Fields f = Nodes.isNull(value) ? null
        : Fields.of(p, value, "ws_await", "a mapping: json, contains, timeout, save, stream, name", AWAIT_KEYS);
    if (f == null && !Nodes.isNull(value)) return null;
    List<Check> match = new ArrayList<>();
    if (f != null && f.has("json")) checks.json(f.get("json"), "ws_await.json", match);
    if (f != null && f.has("contains")) contains(f.get("contains"), match);
    Duration timeout = f != null && f.has("timeout") ? Values.duration(p, f.get("timeout"), "timeout", false) : null;
    List<Extract> saved = f != null && f.has("save") ? saves.saves(f.get("save")) : List.of();
    for (Extract e : saved) {
      if (e.source() == Extract.Source.HEADER || e.source() == Extract.Source.COOKIE)
        p.add(f.get("save"), "ws_await: a message has no headers or cookies: save from json or regex");
    }
    Node streamNode = step.has("stream") ? step.get("stream") : f != null ? f.get("stream") : null;
    boolean stream = streamNode != null && stream(streamNode);
    Node nameNode = step.has("name") ? step.get("name") : f != null ? f.get("name") : null;
    String name = nameNode == null ? null : Values.nonEmpty(p, nameNode, "name", "an endpoint name");
    tasks.rememberName(name != null ? name : lastSocket + " await");
    answers.webSocket(stream);
    if ((f != null && f.has("timeout") && timeout == null) || (nameNode != null && name == null)) return null;
    return p.build(item, () -> new WsStep.Await(match, timeout, saved, stream, name, p.at(item)));
  }

  private void contains(Node node, List<Check> out) {
    List<Node> items = node instanceof SequenceNode s ? s.getValue() : List.of(node);
    for (Node n : items) {
      String t = Values.text(p, n, "contains", "text, or a list of texts");
      if (t != null) out.add(new Check.BodyContains(t));
    }
  }

  private boolean stream(Node node) {
    if (Nodes.isValue(node) && ((ScalarNode) node).getValue().strip().equals("tokens")) return true;
    Values.expected(p, node, "stream", "tokens (each message before the match is a token)");
    return false;
  }

  WsStep close(Node item, String label) {
    Fields f = fields(item, label, "a close: {ws_close: {}} or {ws_close: {code: 1000}}", CLOSE_KEYS);
    if (f == null) return null;
    Node value = f.get("ws_close");
    int code = 1000;
    if (!Nodes.isNull(value)) {
      Fields c = Fields.of(p, value, "ws_close", "{} or {code: 1000}", CLOSE_VALUE_KEYS);
      if (c == null) return null;
      if (c.has("code")) {
        Integer n = Values.whole(p, c.get("code"), "code", 1000, 4999);
        if (n == null) return null;
        if (n != 1000 && n < 3000) {
          p.add(c.get("code"), "code: expected 1000, or an application's code from 3000 to 4999");
          return null;
        }
        code = n;
      }
    }
    int closeCode = code;
    return p.build(item, () -> new WsStep.Close(closeCode, p.at(item)));
  }

  private Fields fields(Node item, String label, String what, Set<String> own) {
    return Fields.of(p, item, label, what, own, TaskReader.KINDS);
  }
}
