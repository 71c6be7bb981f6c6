package horde.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a method and a path to a handler: patterns are literal segments and {@code {name}}
 * parameters, each matching exactly one path segment. A segment is decoded once; one that decodes
 * to {@code .}, {@code ..} or holds a slash is refused, so no parameter can name another path.
 *
 * <pre>{@code
 * router.add("GET", "/api/runs/{id}", runs::show);
 * }</pre>
 */
final class Router {
  interface Handler {
    Response handle(Request request) throws ApiError;
  }

  /** A handler found for a request, with the path's parameters. */
  record Match(Handler handler, Map<String, String> params) {}

  private record Route(String method, String[] pattern, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  Router add(String method, String pattern, Handler handler) {
    routes.add(new Route(method, split(pattern), handler));
    return this;
  }

  /** The route list as {@code METHOD /pattern}, for tests that hold it to the OpenAPI document. */
  List<String> patterns() {
    return routes.stream().map(r -> r.method() + " /" + String.join("/", r.pattern())).toList();
  }

  Match match(String method, String rawPath) throws ApiError {
    String[] segments = decode(rawPath);
    Set<String> allowed = new LinkedHashSet<>();
    for (Route r : routes) {
      Map<String, String> params = matches(r.pattern(), segments);
      if (params == null) continue;
      if (r.method().equals(method)) return new Match(r.handler(), params);
      allowed.add(r.method());
    }
    if (!allowed.isEmpty()) throw new ApiError(405, method + " is not allowed here; use " + String.join(", ", allowed));
    throw ApiError.notFound("no such resource: " + Request.clip(rawPath));
  }

  private static Map<String, String> matches(String[] pattern, String[] segments) {
    if (pattern.length != segments.length) return null;
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) params.put(p.substring(1, p.length() - 1), segments[i]);
      else if (!p.equals(segments[i])) return null;
    }
    return params;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }

  private static String[] decode(String rawPath) throws ApiError {
    String[] raw = split(rawPath.endsWith("/") && rawPath.length() > 1 ? rawPath.substring(0, rawPath.length() - 1) : rawPath);
    String[] out = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      String s;
      try {
        s = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("bad escape in the path");
      }
      if (s.isEmpty() || s.equals(".") || s.equals("..") || s.contains("/") || s.contains("\\") || s.indexOf('\0') >= 0)
        throw ApiError.badRequest("bad path segment '" + Request.clip(s) + "'");
      out[i] = s;
    }
    return out;
  }
}
