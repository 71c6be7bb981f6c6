package horde.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values in a recorded response that a later request might send back: ids and tokens in a JSON
 * body, and in headers other than the standard ones. A candidate has at least 4 characters and no
 * spaces, starts and ends with a letter or digit, and has a digit (or, for a random token without
 * one, at least 20 characters in both cases) — so {@code conv_7f3a}, {@code 12345} and a JWT are;
 * words such as {@code completed} or {@code conversations}, which a URL may well hold, are not.
 */
final class Candidates {
  /** A value, where it was found, and the name its field or header suggests. */
  record Found(String value, Save save, int call, String field, String parent) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_LENGTH = 4096;
  /** Headers that describe the message or the server, never an id the client sends back. */
  private static final Set<String> STANDARD = Set.of("date", "server", "connection", "keep-alive", "transfer-encoding",
      "vary", "cache-control", "expires", "last-modified", "age", "etag", "set-cookie", "strict-transport-security",
      "x-content-type-options", "x-frame-options", "x-xss-protection", "alt-svc", "via", "report-to", "nel",
      "retry-after", "location", "pragma", "accept-ranges", "referrer-policy", "permissions-policy",
      "content-security-policy", "cross-origin-opener-policy", "cross-origin-embedder-policy",
      "cross-origin-resource-policy", "timing-allow-origin", "x-powered-by");

  private Candidates() {}

  /** Candidates in a response, body first (shallowest first), then headers. */
  static List<Found> in(Response r, int call) {
    List<Found> out = new ArrayList<>();
    JsonNode body = json(r);
    if (body != null) walk(body, call, out);
    for (Header h : r.headers()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (STANDARD.contains(name) || name.startsWith("content-") || name.startsWith("access-control-")
          || name.startsWith(":")) continue;
      if (looksLikeId(h.value())) out.add(new Found(h.value(), Save.header(h.name()), call, h.name(), null));
    }
    return out;
  }

  /** Breadth first: {@code $.id} before {@code $.items[0].id}. */
  private static void walk(JsonNode root, int call, List<Found> out) {
    record At(JsonNode node, String path, String field, String parent) {}
    Deque<At> queue = new ArrayDeque<>();
    queue.add(new At(root, "$", null, null));
    while (!queue.isEmpty()) {
      At at = queue.poll();
      JsonNode n = at.node();
      if (n.isObject()) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          String step = step(e.getKey());
          if (step != null) queue.add(new At(e.getValue(), at.path() + step, e.getKey(), at.field()));
        }
      } else if (n.isArray()) {
        for (int i = 0; i < n.size(); i++) queue.add(new At(n.get(i), at.path() + "[" + i + "]", at.field(), at.parent()));
      } else if ((n.isString() || n.isIntegralNumber()) && at.field() != null) {
        String v = n.asString();
        if (looksLikeId(v)) out.add(new Found(v, Save.json(at.path()), call, at.field(), at.parent()));
      }
    }
  }

  /** {@code .name}, or {@code ['name']} where a dot would not do; null when neither can say it. */
  private static String step(String key) {
    if (key.isEmpty() || key.contains("'") || key.contains("]")) return null;
    boolean plain = key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    return plain ? "." + key : "['" + key + "']";
  }

  static boolean looksLikeId(String v) {
    if (v.length() < 4 || v.length() > MAX_LENGTH) return false;
    if (!Words.isWordChar(v.charAt(0)) || !Words.isWordChar(v.charAt(v.length() - 1))) return false;
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '$') return false;
      digit |= Character.isDigit(c);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
    }
    return (digit || v.length() >= 20 && upper && lower) && !v.contains("://");
  }

  /** The body as JSON when it is JSON, else null. */
  static JsonNode json(Response r) {
    String b = r.body().strip();
    if (b.isEmpty() || !(r.mimeType().contains("json") || b.startsWith("{") || b.startsWith("["))) return null;
    try {
      return JSON.readTree(b);
    } catch (RuntimeException e) { // not JSON after all
      return null;
    }
  }
}
