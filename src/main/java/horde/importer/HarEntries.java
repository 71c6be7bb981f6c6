package horde.importer;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Which HAR entries a scenario leaves out, and why (the reason is counted in the file's header). */
final class HarEntries {
  /** Why an entry is left out, said of one and of several. */
  enum Skip {
    WEBSOCKET("WebSocket connection", "WebSocket connections"),
    NOT_HTTP("request that is not http(s)", "requests that are not http(s)"),
    OTHER_HOST("request to another host (--domain)", "requests to other hosts (--domain)"),
    PREFLIGHT("CORS preflight the browser sent itself", "CORS preflights the browser sent itself"),
    METHOD("request with a method a scenario cannot send", "requests with a method a scenario cannot send"),
    FAILED("request that failed in the browser", "requests that failed in the browser"),
    STATIC("static asset (--include-static keeps it)", "static assets (--include-static keeps them)");

    private final String one;
    private final String many;

    Skip(String one, String many) {
      this.one = one;
      this.many = many;
    }

    String count(int n) {
      return n + " " + (n == 1 ? one : many);
    }
  }
  private static final Set<String> STATIC_TYPES = Set.of("stylesheet", "script", "image", "font", "media", "manifest",
      "texttrack");
  private static final Set<String> STATIC_EXTENSIONS = Set.of("css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif",
      "svg", "ico", "webp", "avif", "bmp", "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3", "wav", "ogg",
      "wasm");

  private HarEntries() {}

  /** Why {@code entry} is left out, or null when it is kept. */
  static Skip skipped(JsonNode entry, Har.Options options) {
    JsonNode req = entry.path("request");
    String url = url(entry);
    String method = req.path("method").asString("").toUpperCase(Locale.ROOT);
    URI uri = uri(url);
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int status = entry.path("response").path("status").asInt(0);
    String type = entry.path("_resourceType").asString("").toLowerCase(Locale.ROOT);
    if (scheme.equals("ws") || scheme.equals("wss") || status == 101 || type.equals("websocket")) return Skip.WEBSOCKET;
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) return Skip.NOT_HTTP;
    if (!options.domains().isEmpty() && options.domains().stream().noneMatch(d -> onDomain(uri.getHost(), d)))
      return Skip.OTHER_HOST;
    if (method.equals("OPTIONS") && hasHeader(req, "access-control-request-method")) return Skip.PREFLIGHT;
    if (!ScenarioWriter.supported(method)) return Skip.METHOD;
    if (status <= 0) return Skip.FAILED;
    if (!options.includeStatic() && isStatic(entry, uri, type)) return Skip.STATIC;
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

  /** The entry's URL as sent: spaces some tools leave in it encoded, the fragment (never sent) cut. */
  static String url(JsonNode entry) {
    String url = entry.path("request").path("url").asString("").strip().replace(" ", "%20");
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
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
