package horde.scenario.yaml;

import static horde.scenario.yaml.SchemaNodes.anyOf;
import static horde.scenario.yaml.SchemaNodes.doc;
import static horde.scenario.yaml.SchemaNodes.listOf;
import static horde.scenario.yaml.SchemaNodes.mapping;
import static horde.scenario.yaml.SchemaNodes.obj;
import static horde.scenario.yaml.SchemaNodes.oneOfWords;
import static horde.scenario.yaml.SchemaNodes.ref;
import static horde.scenario.yaml.SchemaNodes.string;
import static horde.scenario.yaml.SchemaNodes.text;
import static horde.scenario.yaml.SchemaNodes.type;
import static horde.scenario.yaml.SchemaNodes.whole;

import java.util.Map;

/** The schema of the WebSocket steps: ws, ws_send, ws_await, ws_close. */
final class WsSchema {
  private WsSchema() {}

  static Map<String, Object> connect() {
    return mapping(
        "a WebSocket",
        WsReader.CONNECT_KEYS,
        obj(
            "ws",
                doc(
                    "Opens the user's WebSocket (closing one it had open): a path (ws:// or wss:// after"
                        + " the target's scheme) or a ws://, wss://, http:// or https:// URL. It stays"
                        + " open until ws_close, the server closes it, or the user ends.",
                    text()),
            "name", doc("The endpoint its connects are counted under; default: the path.", text()),
            "headers", ref("headers"),
            "query", doc("Query parameters (templates allowed).", ref("strings")),
            "subprotocols", doc("Offered in Sec-WebSocket-Protocol.", anyOf(text(), listOf(text(), 1))),
            "timeout", doc("For the connection and the opening handshake; default 30s.", ref("duration"))),
        "ws");
  }

  static Map<String, Object> send() {
    return mapping(
        "a WebSocket send",
        WsReader.SEND_KEYS,
        obj(
            "ws_send",
                doc(
                    "A message on the user's WebSocket: text, {text: ...}, {json: ...} (templates"
                        + " allowed) or {binary: BASE64}.",
                    anyOf(
                        text(),
                        mapping(
                            "a message",
                            WsReader.MESSAGE_KEYS,
                            obj("text", text(), "json", obj("not", type("null")), "binary", text()))))),
        "ws_send");
  }

  static Map<String, Object> await() {
    Map<String, Object> value =
        mapping(
            "a wait for a message",
            WsReader.AWAIT_KEYS,
            obj(
                "json",
                    doc(
                        "JSONPaths the message must have: present, absent, a value or a list of values.",
                        obj("type", "object", "propertyNames", string("^\\$"))),
                "contains", doc("Text the message must contain.", anyOf(text(), listOf(text(), 1))),
                "timeout", doc("Fail (ws await timeout) after this long; default 30s.", ref("duration")),
                "save", ref("saves"),
                "stream", ref("wsStream"),
                "name", doc("The endpoint its round trips are counted under.", text())));
    return mapping(
        "a WebSocket await",
        WsReader.AWAIT_STEP_KEYS,
        obj(
            "ws_await",
                doc(
                    "Waits for the first message since the last send that matches (any message when"
                        + " no condition is given); the round trip is timed.",
                    anyOf(type("null"), value)),
            "stream", ref("wsStream"),
            "name", doc("The endpoint its round trips are counted under; default: the socket's name + await.", text())),
        "ws_await");
  }

  static Map<String, Object> close() {
    return mapping(
        "a WebSocket close",
        WsReader.CLOSE_KEYS,
        obj(
            "ws_close",
                doc(
                    "Closes the user's WebSocket: {} (code 1000) or {code: 4000}.",
                    anyOf(
                        type("null"),
                        mapping("a close", WsReader.CLOSE_VALUE_KEYS, obj("code", whole(1000, 4999)))))),
        "ws_close");
  }

  /** The definition behind {@code ref("wsStream")}. */
  static Map<String, Object> definitions() {
    return obj(
        "wsStream",
        doc(
            "tokens: each message before the match is a token (time to first token, inter-token latency).",
            oneOfWords("tokens")));
  }
}
