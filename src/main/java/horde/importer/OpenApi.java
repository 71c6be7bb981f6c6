package horde.importer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads an OpenAPI 3.0 or 3.1 document (JSON or YAML, a file or a URL, parsed and its references
 * resolved by swagger-parser) into a draft: a request per operation, grouped into tasks by tag;
 * bodies from the document's examples or built from their schemas ({@link Samples}); a path
 * parameter that another operation's answer provides saved there and templated here ({@link
 * Producers}), that operation first; credentials from the environment ({@link ApiSecurity}).
 *
 * <pre>{@code
 * Draft d = OpenApi.read("openapi.json", new OpenApi.Options(null, List.of("jobs"), List.of()));
 * }</pre>
 */
public final class OpenApi {
  /**
   * @param server the server to target: its number in the document's list (from 1) or a URL;
   *     null for the first
   * @param tags only operations with one of these tags; empty for all
   * @param operations only these operations, by operationId or as {@code METHOD /path}; empty for all
   */
  public record Options(String server, List<String> tags, List<String> operations) {
    public Options {
      tags = List.copyOf(tags);
      operations = List.copyOf(operations);
    }
  }

  private final OpenAPI api;
  private final Producers producers;
  private final ApiSecurity security;
  private final Map<String, String> savedNames = new HashMap<>();
  private final Map<ApiOperation, Map<String, Save>> saves = new HashMap<>();
  private final Set<String> taken = new LinkedHashSet<>();
  private final List<String> notes = new ArrayList<>();

  private OpenApi(OpenAPI api, List<ApiOperation> ops) {
    this.api = api;
    this.producers = Producers.of(ops);
    this.security = new ApiSecurity(api);
  }

  public static Draft read(String location, Options options) throws ImportException {
    OpenAPI api = ApiDocument.parse(location);
    List<ApiOperation> all = ApiOperation.all(api);
    OpenApi o = new OpenApi(api, all);
    List<ApiOperation> chosen = o.choose(all, options);
    if (chosen.isEmpty()) throw new ImportException(location + ": no operation to import" + (all.isEmpty() ? "" : " matches --tag or --operation"));
    String base = ApiDocument.base(api, options.server(), location);
    o.name(chosen);
    List<Call> calls = new ArrayList<>();
    for (ApiOperation op : o.ordered(chosen)) calls.add(o.call(op, base));
    List<String> notes = new ArrayList<>(o.notes);
    if (!o.security.variables.isEmpty()) {
      notes.add("Credentials are read from the environment; set these before running:");
      o.security.variables.forEach((var, what) -> notes.add("  " + var + ": " + what));
    }
    notes.addAll(o.security.notes);
    String title = api.getInfo() != null && api.getInfo().getTitle() != null ? api.getInfo().getTitle() : "openapi";
    return new Draft(title, "openapi " + ApiDocument.shortName(location), base, calls, notes);
  }

  /** The operations asked for, with every operation that provides one of their path parameters. */
  private List<ApiOperation> choose(List<ApiOperation> all, Options options) {
    Set<ApiOperation> out = new LinkedHashSet<>();
    for (ApiOperation op : all) {
      boolean tag = options.tags().isEmpty() || op.operation().getTags() != null
          && op.operation().getTags().stream().anyMatch(options.tags()::contains);
      boolean named = options.operations().isEmpty() || op.id() != null && options.operations().contains(op.id())
          || options.operations().stream().anyMatch(n -> n.equalsIgnoreCase(op.key()));
      if (tag && named) out.add(op);
    }
    for (ApiOperation op : List.copyOf(out)) {
      for (ApiOperation p : sources(op)) {
        if (out.add(p)) notes.add("Kept " + p.key() + ": " + op.key() + " uses a value from its answer.");
      }
    }
    return all.stream().filter(out::contains).toList();
  }

  /** Producers first (each before the operations that use its answer), deletions last in their task. */
  private List<ApiOperation> ordered(List<ApiOperation> chosen) {
    List<ApiOperation> out = new ArrayList<>();
    for (ApiOperation op : chosen) place(op, out, new LinkedHashSet<>());
    List<ApiOperation> deletions = out.stream().filter(o -> o.method().equals("DELETE")).toList();
    out.removeAll(deletions);
    out.addAll(deletions);
    return out;
  }

  private void place(ApiOperation op, List<ApiOperation> out, Set<ApiOperation> visiting) {
    if (out.contains(op) || !visiting.add(op)) return;
    for (ApiOperation p : sources(op)) place(p, out, visiting);
    out.add(op);
  }

  private List<ApiOperation> sources(ApiOperation op) {
    List<ApiOperation> out = new ArrayList<>();
    for (Parameter p : op.parameters()) {
      Producers.Source s = "path".equals(p.getIn()) ? producers.of(op, p.getName()) : null;
      if (s != null && s.producer() != op && !out.contains(s.producer())) out.add(s.producer());
    }
    return out;
  }

  /** The task an operation goes in: its producer's, else its tag's, else its own. */
  private String group(ApiOperation op) {
    List<ApiOperation> from = sources(op);
    if (!from.isEmpty()) return group(from.get(0));
    return op.tag() != null ? op.tag() : op.key();
  }

  private Call call(ApiOperation op, String base) {
    Set<String> uses = new LinkedHashSet<>();
    StringBuilder path = new StringBuilder(op.path());
    List<String> query = new ArrayList<>();
    List<Header> headers = new ArrayList<>();
    for (Parameter p : op.parameters()) {
      boolean wanted = Boolean.TRUE.equals(p.getRequired()) || Samples.given(p);
      switch (p.getIn() == null ? "" : p.getIn()) {
        case "path" -> {
          String value = pathValue(op, p, uses);
          int at = path.indexOf("{" + p.getName() + "}");
          if (at >= 0) path.replace(at, at + p.getName().length() + 2, value);
        }
        case "query" -> { if (wanted) query.add(encode(p.getName()) + "=" + encode(text(Samples.of(p)))); }
        case "header" -> { if (wanted) headers.add(new Header(p.getName(), text(Samples.of(p)))); }
        case "cookie" -> { if (wanted) note("The cookie " + p.getName() + " of " + op.key() + " was left out."); }
        default -> {}
      }
    }
    query.addAll(security.apply(op, headers));
    String url = base + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    Call call = Call.of(op.method(), url, headers, body(op), group(op)).withUses(uses);
    List<Integer> ok = op.successes();
    if (ok.size() == 1) call = call.withStatus(0, ok.get(0));
    if (op.operation().getSummary() != null) call = call.withComment(op.operation().getSummary().strip().split("\n")[0]);
    for (Map.Entry<String, Save> save : saves.getOrDefault(op, Map.of()).entrySet()) call = call.withSave(save.getKey(), save.getValue());
    return call;
  }

  /** Names every value a chosen operation takes from another's answer, and notes the save on the producer. */
  private void name(List<ApiOperation> chosen) {
    for (ApiOperation op : chosen) {
      for (Parameter p : op.parameters()) {
        Producers.Source s = "path".equals(p.getIn()) ? producers.of(op, p.getName()) : null;
        if (s == null || s.producer() == op) continue;
        String name = savedName(s);
        saves.computeIfAbsent(s.producer(), k -> new LinkedHashMap<>()).put(name, s.save());
      }
    }
  }

  private String pathValue(ApiOperation op, Parameter p, Set<String> uses) {
    Producers.Source s = producers.of(op, p.getName());
    if (s == null || s.producer() == op) {
      JsonNode v = Samples.of(p);
      if (!Samples.given(p)) note(op.key() + ": no example for " + p.getName() + ", so it is " + text(v) + "; write a real one.");
      return encodePath(text(v));
    }
    String name = savedName(s);
    uses.add(name);
    return "${" + name + "}";
  }

  private String savedName(Producers.Source s) {
    String key = s.producer().key() + "\n" + s.save();
    return savedNames.computeIfAbsent(key, k -> SavedNames.unique(SavedNames.safe(s.name()), taken));
  }

  private Body body(ApiOperation op) {
    if (op.operation().getRequestBody() == null) return Body.NONE;
    Content content = op.operation().getRequestBody().getContent();
    if (content == null || content.isEmpty()) return Body.NONE;
    Map.Entry<String, MediaType> chosen = null;
    for (Map.Entry<String, MediaType> m : content.entrySet()) {
      String type = m.getKey().toLowerCase(Locale.ROOT);
      if (type.contains("json")) { chosen = m; break; }
      if (chosen == null || type.equals("application/x-www-form-urlencoded")) chosen = m;
    }
    JsonNode sample = Samples.of(chosen.getValue());
    boolean required = Boolean.TRUE.equals(op.operation().getRequestBody().getRequired());
    if (sample == null || !required && !Samples.documented(chosen.getValue())) return Body.NONE;
    String type = chosen.getKey();
    if (type.toLowerCase(Locale.ROOT).contains("json")) return sample.isNull() ? Body.NONE : new Body.Json(sample);
    if (type.equalsIgnoreCase("application/x-www-form-urlencoded") && sample.isObject()) {
      List<Header> fields = new ArrayList<>();
      sample.properties().forEach(e -> fields.add(new Header(e.getKey(), text(e.getValue()))));
      return new Body.Form(fields);
    }
    return new Body.Text(text(sample), type);
  }

  private static String text(JsonNode v) {
    return v == null ? "string" : v.isString() ? v.asString() : v.toString();
  }

  private static String encode(String templateText) {
    return TemplateText.mapLiterals(templateText, t -> URLEncoder.encode(t, StandardCharsets.UTF_8));
  }

  private static String encodePath(String templateText) {
    return TemplateText.mapLiterals(templateText, t -> URLEncoder.encode(t, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  private void note(String text) {
    if (!notes.contains(text)) notes.add(text);
  }
}
