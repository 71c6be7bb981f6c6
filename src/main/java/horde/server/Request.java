package horde.server;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request as handlers see it: the path's parameters (already decoded and checked to be single
 * segments), the query's, and the body.
 */
record Request(String method, Map<String, String> path, Map<String, List<String>> query, byte[] body) {
  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

  /** A path parameter that must be a run id. */
  long id(String name) throws ApiError {
    return id(name, path.get(name));
  }

  static long id(String what, String value) throws ApiError {
    if (value == null || !ID.matcher(value).matches())
      throw ApiError.badRequest(what + " must be a run id (digits), not '" + clip(value) + "'");
    return Long.parseLong(value);
  }

  /** A query parameter's one value, or null. */
  String param(String name) throws ApiError {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) return null;
    if (values.size() > 1) throw ApiError.badRequest("give " + name + " once");
    return values.get(0);
  }

  List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  int number(String name, int fallback, int min, int max) throws ApiError {
    String v = param(name);
    if (v == null) return fallback;
    if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max)
      throw ApiError.badRequest(name + " must be a whole number from " + min + " to " + max + ", not '" + clip(v) + "'");
    return Integer.parseInt(v);
  }

  static String clip(String s) {
    if (s == null) return "";
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
