package horde.importer;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Which HAR entries a scenario leaves out, and why (the reason is counted in the file's header). */
final class HarEntries {
  static final String STATIC = "static assets (--include-static keeps them)";
  private static final Set<String> STATIC_TYPES = Set.of("stylesheet", "script", "image", "font", "media", "manifest",
      "texttrack");
  private static final Set<String> STATIC_EXTENSIONS = Set.of("css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif",
      "svg", "ico", "webp", "avif", "bmp", "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3", "wav", "ogg",
      "wasm");

  private HarEntries() {}

  /** Why {@code entry} is left out, or null when it is kept. */
  static String skipped(JsonNode entry, Har.Options options) {
    JsonNode req = entry.path("request");
    String url = req.path("url").asString("");
    String method = req.path("method").asString("").toUpperCase(Locale.ROOT);
    URI uri = uri(url);
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int status = entry.path("response").path("status").asInt(0);
    String type = entry.path("_resourceType").asString("").toLowerCase(Locale.ROOT);
    if (scheme.equals("ws") || scheme.equals("wss") || status == 101 || type.equals("websocket")) return "WebSocket connections";
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) return "requests that are not http(s)";
    if (!options.domains().isEmpty() && options.domains().stream().noneMatch(d -> onDomain(uri.getHost(), d)))
      return "requests to other hosts (--domain)";
    if (method.equals("OPTIONS") && hasHeader(req, "access-control-request-method")) return "CORS preflights the browser sends itself";
    if (!ScenarioWriter.supported(method)) return "requests with other methods than GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS";
    if (status <= 0) return "requests that failed in the browser";
    if (!options.includeStatic() && isStatic(entry, uri, type)) return STATIC;
    return null;
  }

  private static boolean isStatic(JsonNode entry, URI uri, String type) {
    if (STATIC_TYPES.contains(type)) return true;
    String mime = entry.path("response").path("content").path("mimeType").asString("").toLowerCase(Locale.ROOT);
    if (mime.startsWith("text/css") || mime.contains("javascript") || mime.startsWith("image/") || mime.startsWith("font/")
        || mime.startsWith("audio/") || mime.startsWith("video/") || mime.startsWith("application/font")
        || mime.startsWith("application/wasm")) return true;
    String path = uri.getPath() == null ? "" : uri.getPath();
    int dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/') && STATIC_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static boolean onDomain(String host, String domain) {
    String h = host.toLowerCase(Locale.ROOT);
    String d = domain.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
    return h.equals(d) || h.endsWith("." + d);
  }

  private static boolean hasHeader(JsonNode req, String name) {
    for (JsonNode h : req.path("headers")) if (h.path("name").asString("").equalsIgnoreCase(name)) return true;
    return false;
  }

  private static URI uri(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
