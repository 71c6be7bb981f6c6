package horde.importer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a HAR 1.2 recording (a browser's dev tools: "Save all as HAR") into a draft: one request per
 * entry in the order they started, grouped by page, with values that responses gave and later
 * requests reused saved and templated ({@link Correlation}) and secrets moved to the environment
 * ({@link Secrets}). Static assets, the browser's own CORS preflights, WebSocket upgrades and
 * requests that failed in the browser are left out, each counted in the file's header.
 *
 * <pre>{@code
 * Draft d = Har.read(Path.of("session.har"), new Har.Options(false, List.of("api.example.com")));
 * }</pre>
 */
public final class Har {
  /**
   * @param includeStatic keep style sheets, scripts, images, fonts and media
   * @param domains keep only requests to these hosts or their subdomains; empty keeps all
   */
  public record Options(boolean includeStatic, List<String> domains) {
    public Options {
      domains = List.copyOf(domains);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Options options;
  private final Map<HarEntries.Skip, Integer> leftOut = new EnumMap<>(HarEntries.Skip.class);

  private Har(Options options) {
    this.options = options;
  }

  public static Draft read(Path file, Options options) throws ImportException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) { // Jackson 3 throws unchecked
      throw new ImportException(file + " is not JSON: " + e.getMessage(), e);
    }
    JsonNode entries = root.path("log").path("entries");
    if (!entries.isArray()) throw new ImportException(file + " is not a HAR file: it has no log.entries");
    Har har = new Har(options);
    List<Call> calls = har.calls(entries, pages(root.path("log").path("pages")));
    if (calls.isEmpty()) throw new ImportException(file + ": no request to import" + har.why());
    String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    Draft draft = new Draft(name, "har " + file.getFileName(), null, calls, har.notes());
    return Secrets.apply(Correlation.apply(draft));
  }

  private List<Call> calls(JsonNode entries, Map<String, String> pages) {
    List<JsonNode> ordered = new ArrayList<>();
    entries.forEach(ordered::add);
    ordered.sort(Comparator.comparing(Har::started)); // stable: equal times keep the file's order
    List<Call> calls = new ArrayList<>();
    for (JsonNode e : ordered) {
      HarEntries.Skip skip = HarEntries.skipped(e, options);
      if (skip != null) leftOut.merge(skip, 1, Integer::sum);
      else calls.add(call(e, pages));
    }
    return calls;
  }

  private static Call call(JsonNode e, Map<String, String> pages) {
    JsonNode req = e.path("request");
    List<Header> recorded = headers(req.path("headers"));
    JsonNode post = req.path("postData");
    String contentType = post.path("mimeType").asString(RequestHeaders.value(recorded, "content-type"));
    Body body = Bodies.recorded(postText(post), contentType);
    String group = pages.getOrDefault(e.path("pageref").asString(""), "requests");
    Call call = Call.of(req.path("method").asString().toUpperCase(Locale.ROOT), TemplateText.literal(HarEntries.url(e)),
        RequestHeaders.kept(recorded), body, group);
    Response response = response(e.path("response"));
    call = call.withResponse(response);
    if (response.status() >= 400) call = call.withStatus(response.status(), 0);
    if (response.mimeType().equals("text/event-stream") && !(body instanceof Body.Json j && j.value().path("stream").isBoolean() && !j.value().path("stream").booleanValue())) {
      boolean openai = response.body().contains("\"choices\"") && response.body().contains("[DONE]");
      call = call.withStream(openai ? "openai" : "sse");
    }
    return call;
  }

  /** The body's text; a form recorded only as {@code params} is put back together. */
  private static String postText(JsonNode post) {
    if (post.has("text")) return post.path("text").asString();
    StringBuilder b = new StringBuilder();
    for (JsonNode p : post.path("params")) {
      if (!b.isEmpty()) b.append('&');
      b.append(p.path("name").asString()).append('=').append(p.path("value").asString());
    }
    return b.toString();
  }

  private static Response response(JsonNode r) {
    JsonNode content = r.path("content");
    String text = content.path("text").asString("");
    if (content.path("encoding").asString("").equals("base64")) {
      try {
        text = new String(Base64.getDecoder().decode(text.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        text = "";
      }
    }
    String mime = content.path("mimeType").asString("").toLowerCase(Locale.ROOT).split(";")[0].strip();
    return new Response(r.path("status").asInt(0), headers(r.path("headers")), text, mime);
  }

  static List<Header> headers(JsonNode list) {
    List<Header> out = new ArrayList<>();
    for (JsonNode h : list) out.add(new Header(h.path("name").asString(), h.path("value").asString()));
    return out;
  }

  /** Page id to a name for its group: its title, or its URL's path. */
  private static Map<String, String> pages(JsonNode pages) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode p : pages) {
      String title = p.path("title").asString("").strip();
      if (title.isEmpty() || title.contains("://")) title = pathOf(title.isEmpty() ? p.path("id").asString() : title);
      out.put(p.path("id").asString(), title);
    }
    return out;
  }

  private static String pathOf(String url) {
    try {
      String path = URI.create(url).getPath();
      return path == null || path.isEmpty() ? url : path;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static OffsetDateTime started(JsonNode e) {
    try {
      return OffsetDateTime.parse(e.path("startedDateTime").asString());
    } catch (DateTimeParseException ex) {
      return OffsetDateTime.MIN;
    }
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (!leftOut.isEmpty()) {
      List<String> parts = new ArrayList<>();
      leftOut.forEach((why, n) -> parts.add(why.count(n)));
      notes.add("Left out: " + String.join(", ", parts) + ".");
    }
    return notes;
  }

  private String why() {
    return leftOut.isEmpty() ? "" : " (" + notes().get(0).substring("Left out: ".length()).replaceFirst("\\.$", "") + " left out)";
  }
}
