package horde.importer;

import horde.importer.YamlText.Commented;
import horde.importer.YamlText.Flow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Writes a {@link Draft} as a commented scenario file in the format of docs/scenario-format.md:
 * the target, headers every request shares as {@code defaults}, the requests grouped into tasks
 * ({@link Tasks}), and one user for 30 seconds.
 *
 * <pre>{@code
 * String yaml = ScenarioWriter.yaml(Har.read(file, options), null);
 * }</pre>
 */
public final class ScenarioWriter {
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  private ScenarioWriter() {}

  /** Methods a scenario can send; readers leave out requests with others. */
  static boolean supported(String method) {
    return METHODS.contains(method);
  }

  /**
   * The scenario as YAML.
   *
   * @param host the scheme, host and port to target instead of the draft's (its path too, when it
   *     has one), or null
   * @throws ImportException when there is no absolute target URL
   */
  public static String yaml(Draft draft, String host) throws ImportException {
    String base = draft.base() != null ? draft.base() : mostFrequentOrigin(draft.calls());
    String target = target(base, host);
    Map<String, String> shared = sharedHeaders(draft.calls());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", new Commented(header(draft), draft.name()));
    root.put("target", target);
    if (!shared.isEmpty()) root.put("defaults", Map.of("headers", shared));
    List<Object> tasks = new ArrayList<>();
    Set<String> taskNames = new HashSet<>();
    for (Tasks.Task t : Tasks.of(draft.calls())) tasks.add(task(t, base, shared.keySet(), taskNames));
    root.put("tasks", tasks);
    root.put("load", new Commented(List.of("", "One user for 30 s: check that it passes, then raise users and run_time."),
        new Flow(map("users", 1, "run_time", "30s"))));
    return YamlText.write(root)
        + "# Without thresholds, any failed request fails the run. To judge it instead:\n"
        + "# thresholds: [p95 < 500ms, error_rate < 1%]\n";
  }

  private static List<String> header(Draft d) {
    List<String> lines = new ArrayList<>();
    lines.add("Imported by horde import " + d.source() + ": " + count(d.calls().size(), "request") + ".");
    lines.addAll(d.notes());
    lines.add("Check it with horde validate FILE, run it with horde run FILE (see docs/import.md).");
    lines.add("");
    return lines;
  }

  /**
   * A task of one request is that request, named by default {@code METHOD path} (so its endpoint
   * keeps its path), and only given a name when that one is taken.
   */
  private static Object task(Tasks.Task t, String base, Set<String> shared, Set<String> taskNames) {
    List<Tasks.Group> groups = t.groups();
    if (groups.size() == 1 && groups.get(0).calls().size() == 1) {
      Call call = groups.get(0).calls().get(0);
      Map<String, Object> request = request(call, base, shared);
      String byDefault = call.method() + " " + relative(call.url(), base);
      if (taskNames.add(byDefault)) return request;
      Map<String, Object> task = new LinkedHashMap<>();
      Map.Entry<String, Object> method = request.entrySet().iterator().next();
      task.put(method.getKey(), method.getValue());
      task.put("name", unique(byDefault, taskNames));
      task.putAll(request);
      return task;
    }
    String name = unique(t.name(), taskNames);
    List<Object> steps = new ArrayList<>();
    if (groups.size() == 1) {
      for (Call c : groups.get(0).calls()) steps.add(request(c, base, shared));
    } else {
      for (Tasks.Group g : groups) {
        List<Object> inner = new ArrayList<>();
        for (Call c : g.calls()) inner.add(request(c, base, shared));
        steps.add(map("group", g.name(), "steps", inner));
      }
    }
    return map("name", name, "steps", steps);
  }

  private static Map<String, Object> request(Call c, String base, Set<String> shared) {
    Map<String, Object> r = new LinkedHashMap<>();
    Object path = relative(c.url(), base);
    r.put(c.method().toLowerCase(Locale.ROOT), c.comment() == null ? path : new Commented(List.of(c.comment()), path));
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : c.headers()) if (!shared.contains(h.name())) headers.put(h.name(), h.value());
    if (!headers.isEmpty()) r.put("headers", headers);
    switch (c.body()) {
      case Body.Json j -> r.put("json", tree(j.value()));
      case Body.Form f -> {
        Map<String, String> fields = new LinkedHashMap<>();
        f.fields().forEach(h -> fields.put(h.name(), h.value()));
        r.put("form", fields);
      }
      case Body.Text t -> {
        r.put("body", t.text());
        r.put("content_type", t.contentType());
      }
      case Body.None n -> {}
    }
    if (c.stream() != null) r.put("stream", c.stream());
    if (c.expectStatus() != 0) r.put("expect_status", c.expectStatus());
    if (c.checkStatus() != 0) r.put("check", new Flow(map("status", c.checkStatus())));
    if (!c.saves().isEmpty()) {
      Map<String, Object> saves = new LinkedHashMap<>();
      c.saves().forEach((name, s) -> saves.put(name, s.jsonPath() != null ? s.jsonPath() : new Flow(map("header", s.header()))));
      r.put("save", saves);
    }
    return r;
  }

  /** {@code host} in place of the base's scheme, host and port; the base's path stays unless host has one. */
  static String target(String base, String host) throws ImportException {
    String b = base == null ? "" : base;
    String t = b;
    if (host != null) {
      String h = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
      String origin = origin(h);
      t = origin != null && h.length() > origin.length() ? h : h + (origin(b) == null ? b : b.substring(origin(b).length()));
    }
    if (origin(t) == null || !t.matches("(?i)https?://[^/?#]+.*")) {
      throw new ImportException("no target URL: the requests are relative to '" + b + "'; give --host http://host:port");
    }
    return t;
  }

  /** The URL as a path when it is on the target, otherwise whole. */
  static String relative(String url, String base) {
    if (base == null || !url.startsWith(base)) return url;
    String rest = url.substring(base.length());
    if (rest.isEmpty()) return "/";
    return rest.startsWith("/") ? rest : rest.startsWith("?") ? "/" + rest : url;
  }

  /** {@code scheme://host:port} of a URL, or null. */
  static String origin(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) return null;
    int end = scheme + 3;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
    return url.substring(0, end);
  }

  private static String mostFrequentOrigin(List<Call> calls) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Call c : calls) {
      String o = origin(c.url());
      if (o != null) counts.merge(o, 1, Integer::sum);
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  /** Headers with the same value on every request, when there are two requests or more. */
  private static Map<String, String> sharedHeaders(List<Call> calls) {
    Map<String, String> shared = new LinkedHashMap<>();
    if (calls.size() < 2) return shared;
    for (Header h : calls.get(0).headers()) shared.put(h.name(), h.value());
    for (Call c : calls.subList(1, calls.size())) {
      Map<String, String> mine = new LinkedHashMap<>();
      for (Header h : c.headers()) mine.put(h.name(), h.value());
      shared.entrySet().removeIf(e -> !e.getValue().equals(mine.get(e.getKey())));
    }
    return shared;
  }

  /** A JSON value as maps, lists and scalars for {@link YamlText}. */
  static Object tree(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) m.put(e.getKey(), tree(e.getValue()));
      return m;
    }
    if (node.isArray()) {
      List<Object> l = new ArrayList<>();
      node.forEach(n -> l.add(tree(n)));
      return l;
    }
    if (node.isNumber()) return node.numberValue();
    if (node.isBoolean()) return node.booleanValue();
    if (node.isNull()) return null;
    return node.asString();
  }

  private static String unique(String name, Set<String> taken) {
    String n = name;
    for (int i = 2; !taken.add(n); i++) n = name + " (" + i + ")";
    return n;
  }

  static String count(int n, String one) {
    return n + " " + one + (n == 1 ? "" : "s");
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
