package horde.scenario.yaml;

import horde.scenario.Body;
import horde.scenario.Check;
import horde.scenario.Extract;
import horde.scenario.Ports;
import horde.scenario.Request;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads one request: {@code post: /path} plus name, headers, query, one body (json, body or form),
 * timeout, check, expect_status and save, and what it tracks of its answer ({@link AnswerReader}:
 * stream, llm, model, cache_hit).
 */
final class RequestReader {
  static final List<String> METHOD_KEYS =
      Request.METHODS.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
  static final Set<String> KEYS =
      Set.of(
          "name",
          "headers",
          "query",
          "json",
          "body",
          "content_type",
          "form",
          "timeout",
          "check",
          "expect_status",
          "save",
          "stream",
          "llm",
          "model",
          "cache_hit");
  private static final Set<String> BODY_KEYS = Set.of("json", "body", "form");
  static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final Problems p;
  private final CheckReader checks;
  private final SaveReader saveReader;
  private final AnswerReader answers;

  RequestReader(Problems problems, Set<String> feeders) {
    this.p = problems;
    this.checks = new CheckReader(problems);
    this.saveReader = new SaveReader(problems, feeders);
    this.answers = new AnswerReader(problems);
  }

  /** What the requests read so far track of their answers. */
  AnswerReader answers() {
    return answers;
  }

  /** Whether a mapping has a method key, so it is meant as a request. */
  static boolean isRequest(MappingNode m) {
    for (NodeTuple t : m.getValue())
      if (t.getKeyNode() instanceof ScalarNode k && METHOD_KEYS.contains(k.getValue())) return true;
    return false;
  }

  /** The keys a request mapping may have, plus {@code extra}. */
  static Set<String> keys(Set<String> extra) {
    Set<String> out = new HashSet<>(KEYS);
    out.addAll(METHOD_KEYS);
    out.addAll(extra);
    return out;
  }

  /** The request, or null after problems. */
  Request read(Fields f) {
    List<String> methods = f.present(Set.copyOf(METHOD_KEYS));
    if (methods.isEmpty()) {
      p.add(
          f.node(),
          "a request needs a method: "
              + String.join(", ", METHOD_KEYS)
              + ", with a path like get: /health");
      return null;
    }
    for (String extra : methods.subList(1, methods.size()))
      p.add(f.key(extra), "a request has one method; this one already has " + methods.getFirst());
    String method = methods.getFirst();
    String path = path(p, f.get(method), method);
    String name =
        f.has("name") ? Values.nonEmpty(p, f.get("name"), "name", "an endpoint name") : null;
    Map<String, String> headers = f.has("headers") ? headers(p, f.get("headers")) : Map.of();
    Map<String, String> query =
        f.has("query") ? Values.strings(p, f.get("query"), "query", true) : Map.of();
    Body body = body(f);
    Duration timeout =
        f.has("timeout") ? Values.duration(p, f.get("timeout"), "timeout", false) : null;
    List<Check> checkList = f.has("check") ? checks.checks(f.get("check")) : List.of();
    Set<Integer> expect =
        f.has("expect_status")
            ? Values.statuses(p, f.get("expect_status"), "expect_status")
            : Set.of();
    List<Extract> saves = f.has("save") ? saveReader.saves(f.get("save")) : List.of();
    AnswerReader.Tracking tracking = answers.read(f, body);
    if (path == null
        || (f.has("name") && name == null)
        || body == null
        || (f.has("timeout") && timeout == null)
        || tracking == null) return null;
    return p.build(
        f.node(),
        () ->
            new Request(
                method.toUpperCase(Locale.ROOT),
                path,
                name,
                headers,
                query,
                body,
                timeout,
                checkList,
                expect,
                saves,
                tracking.stream(),
                tracking.llm(),
                tracking.model(),
                tracking.cacheHit(),
                p.at(f.node())));
  }

  /** A path starting with / (or an absolute http(s) URL, or a template), whose templates parse. */
  static String path(Problems p, Node node, String label) {
    String what = "a path like /api/chat, or a URL like https://host/api/chat";
    String path = Values.template(p, node, label, what);
    if (path == null) return null;
    String s = path.strip();
    if (s.startsWith("/") || s.startsWith("${")) return s;
    if (s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8))
      return absolute(p, (ScalarNode) node, label, s) ? s : null;
    Values.expected(p, node, label, what);
    return null;
  }

  /**
   * Whether an absolute URL can be sent to. One with a template is checked when it is rendered;
   * a fixed one is checked here, so that a port no socket takes is found before the run.
   */
  private static boolean absolute(Problems p, ScalarNode node, String label, String url) {
    if (url.contains("${")) return true;
    try {
      URI uri = new URI(url);
      String port = Ports.problem(uri);
      if (port != null) {
        p.add(node, node.getValue().indexOf(url) + Ports.offset(url, uri), label + ": " + port);
        return false;
      }
      if (uri.getHost() != null) return true;
    } catch (URISyntaxException e) {
      // reported below
    }
    Values.expected(p, node, label, "a URL with a host, like https://host/api/chat");
    return false;
  }

  /** Header names must be HTTP tokens; values may hold templates. */
  static Map<String, String> headers(Problems p, Node node) {
    Map<String, String> headers = Values.strings(p, node, "headers", true);
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && !HEADER_NAME.matcher(k.getValue()).matches())
          p.add(
              k,
              "headers: '"
                  + k.getValue()
                  + "' is not a valid header name (letters, digits and - _ . ! # $ % & ' * + ^ ` |"
                  + " ~)");
      }
    }
    return headers;
  }

  private Body body(Fields f) {
    List<String> bodies = f.present(BODY_KEYS);
    for (String extra : bodies.size() > 1 ? bodies.subList(1, bodies.size()) : List.<String>of())
      p.add(
          f.key(extra),
          "a request has one body; this one already has "
              + bodies.getFirst()
              + " (json, body and form exclude each other)");
    if (f.has("content_type") && !bodies.contains("body"))
      p.add(
          f.key("content_type"),
          "content_type goes with body: (for json and form it is set for you; or set a Content-Type"
              + " header)");
    if (bodies.isEmpty()) return Body.NONE;
    Node node = f.get(bodies.getFirst());
    return switch (bodies.getFirst()) {
      case "json" -> Nodes.isNull(node) ? jsonProblem(node) : new Body.Json(JsonTree.read(p, node));
      case "form" ->
          f.get("form") instanceof MappingNode
              ? new Body.Form(Values.strings(p, node, "form", true))
              : formProblem(node);
      default -> raw(f, node);
    };
  }

  private Body jsonProblem(Node node) {
    Values.expected(p, node, "json", "a JSON document: a mapping, a list or a value");
    return null;
  }

  private Body formProblem(Node node) {
    Values.expected(p, node, "form", "a mapping of field names to values");
    return null;
  }

  private Body raw(Fields f, Node node) {
    String text = Values.template(p, node, "body", "text (for a JSON document use json:)");
    String type =
        f.has("content_type")
            ? Values.nonEmpty(
                p, f.get("content_type"), "content_type", "a media type like application/xml")
            : "text/plain";
    return text == null || type == null ? null : new Body.Raw(text, type);
  }
}
