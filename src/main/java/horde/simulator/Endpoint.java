package horde.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The routes the simulator serves, each a method and a path template in which {@code {id}} stands
 * for one path segment. The template is also the {@code endpoint} label on metrics, so {@code
 * /api/jobs/j1} and {@code /api/jobs/j2} count together.
 */
enum Endpoint {
  HEALTH("GET", "/health"),
  METRICS("GET", "/metrics"),
  MODELS("GET", "/v1/models"),
  CHAT_COMPLETIONS("POST", "/v1/chat/completions"),
  CONVERSATION_CREATE("POST", "/api/conversations"),
  CONVERSATION_ASK("POST", "/api/conversations/{id}/messages"),
  CONVERSATION_HISTORY("GET", "/api/conversations/{id}/messages"),
  RAG_SEARCH("POST", "/api/rag/search"),
  JOB_SUBMIT("POST", "/api/jobs"),
  JOB_STATUS("GET", "/api/jobs/{id}"),
  CAPABILITIES("GET", "/api/capabilities"),
  AGENT_CREATE("POST", "/api/agents"),
  AGENT_QUERY("POST", "/api/agents/{id}/query"),
  QUERY("POST", "/api/query"),
  COSTS("GET", "/api/costs"),
  OPENAPI("GET", "/openapi.json"),
  DEMO("GET", "/demo/{id}"),
  /** Anything unknown, or a known path with the wrong method. */
  OTHER("", "other");

  private static final Endpoint[] ROUTES = values();
  private final String method;
  private final String template;
  private final String[] segments;

  Endpoint(String method, String template) {
    this.method = method;
    this.template = template;
    this.segments = template.startsWith("/") ? template.substring(1).split("/") : new String[0];
  }

  /** The HTTP method, or empty for {@link #OTHER}. */
  String method() {
    return method;
  }

  /** The path template, e.g. {@code /api/jobs/{id}}. */
  String template() {
    return template;
  }

  /**
   * Where a request goes: the endpoint and its {@code {id}} segment (or null); for an unknown path
   * {@link #OTHER} with status 404; for a known path with another method {@link #OTHER} with status
   * 405 and the methods it allows.
   */
  record Route(Endpoint endpoint, String id, int status, String allow) {}

  /** Resolves {@code path} (without its query string) for {@code method}. */
  static Route resolve(String method, String path) {
    if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
    String[] parts = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[] {""};
    List<String> allowed = null;
    for (Endpoint e : ROUTES) {
      String id = e.match(parts);
      if (id == null) continue;
      if (e.method.equals(method)) return new Route(e, id.isEmpty() ? null : id, 200, null);
      if (allowed == null) allowed = new ArrayList<>(2);
      allowed.add(e.method);
    }
    if (allowed == null) return new Route(OTHER, null, 404, null);
    return new Route(OTHER, null, 405, String.join(", ", allowed));
  }

  /** The {@code {id}} segment, empty when the template has none, null when it does not match. */
  private String match(String[] parts) {
    if (segments.length == 0 || parts.length != segments.length) return null;
    String id = "";
    for (int i = 0; i < parts.length; i++) {
      if (segments[i].equals("{id}")) {
        if (parts[i].isEmpty()) return null;
        id = parts[i];
      } else if (!segments[i].equals(parts[i])) {
        return null;
      }
    }
    return id;
  }
}
