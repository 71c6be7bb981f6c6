package horde.scenario.yaml;

import horde.scenario.CompareSettings;
import horde.scenario.FeederSpec;
import horde.scenario.Grade;
import horde.scenario.HttpSettings;
import horde.scenario.LlmSettings;
import horde.scenario.LoadProfile;
import horde.scenario.Monitor;
import horde.scenario.Phase;
import horde.scenario.Ports;
import horde.scenario.Preflight;
import horde.scenario.RequestDefaults;
import horde.scenario.Scenario;
import horde.scenario.Search;
import horde.scenario.Step;
import horde.scenario.Threshold;
import horde.scenario.UserClass;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the top level of a scenario and its small sections; the big ones have their own readers.
 */
final class ScenarioReader {
  static final Set<String> KEYS =
      Set.of(
          "name",
          "target",
          "preflight",
          "http",
          "defaults",
          "variables",
          "feeders",
          "users",
          "tasks",
          "setup",
          "teardown",
          "load",
          "thresholds",
          "grades",
          "phases",
          "llm",
          "compare",
          "monitor");
  static final Set<String> PREFLIGHT_KEYS = Set.of("path", "timeout");
  static final Set<String> DEFAULTS_KEYS = Set.of("headers", "timeout");
  static final Set<String> HTTP_KEYS =
      Set.of("max_connections", "connect_timeout", "insecure", "max_redirects", "gzip", "max_body", "cookies",
          "version", "max_streams");

  private final Problems p;
  private final Path baseDir;

  ScenarioReader(Problems problems, Path baseDir) {
    this.p = problems;
    this.baseDir = baseDir;
  }

  /** The scenario, or null when there were problems. */
  Scenario read(Node root) {
    Fields f =
        Fields.withExtensions(
            p, root, "scenario", "a mapping with users (or tasks), load and thresholds", KEYS);
    if (f == null) return null;
    String name =
        f.has("name") ? Values.nonEmpty(p, f.get("name"), "name", "a name") : defaultName();
    String target = f.has("target") ? target(f.get("target")) : "";
    Preflight preflight = f.has("preflight") ? preflight(f.get("preflight")) : null;
    HttpSettings http = f.has("http") ? http(f.get("http")) : null;
    RequestDefaults defaults = f.has("defaults") ? defaults(f.get("defaults")) : null;
    LlmReader llmReader = new LlmReader(p);
    LlmSettings llm = llmReader.read(f.get("llm"));
    Map<String, FeederSpec> feeders = new FeederReader(p, baseDir).read(f.get("feeders"));
    Map<String, String> variables = variables(f.get("variables"), feeders.keySet());
    UserReader users = new UserReader(p, feeders.keySet());
    List<UserClass> classes = users.read(f);
    List<Step> setup = f.has("setup") ? users.steps(f.get("setup"), "setup") : List.of();
    List<Step> teardown =
        f.has("teardown") ? users.steps(f.get("teardown"), "teardown") : List.of();
    Monitor monitor = new MonitorReader(p).read(f.get("monitor"));
    MeasureCheck measureCheck = new MeasureCheck(p, users.answers(), llmReader, monitor,
        monitor == null && f.has("monitor"));
    measureCheck.checkModels(llmReader);
    ThresholdReader thresholdReader = new ThresholdReader(p, users.endpointNames());
    GradeReader gradeReader = new GradeReader(p, thresholdReader);
    if (f.has("load") && f.has("phases"))
      p.add(
          f.key("phases"),
          "write either load (one run) or phases (several runs, each with its own load), not"
              + " both");
    List<Phase> phases =
        new PhaseReader(p, thresholdReader, gradeReader, measureCheck).read(f.get("phases"));
    LoadReader loadReader = new LoadReader(p);
    LoadProfile load = f.has("phases") ? null : loadReader.read(f.get("load"));
    Search search = loadReader.search();
    List<Threshold> thresholds = thresholdReader.read(f.get("thresholds"));
    List<Grade> grades = gradeReader.read(f.get("grades"), "grades");
    boolean open =
        (load != null && load.isOpen())
            || (phases != null && phases.stream().anyMatch(ph -> ph.load().isOpen()));
    measureCheck.check(thresholds, grades, open);
    if (search != null && thresholds.isEmpty())
      p.add(f.get("load"), "a search needs thresholds: they tell a level that holds from one past the knee, like"
          + " thresholds: [p95 < 2s, error_rate < 1%]");
    CompareSettings compare = new CompareReader(p).read(f.get("compare"));
    if (!p.isEmpty()) return null;
    return p.build(
        root,
        () ->
            Scenario.builder(name, target)
                .preflight(preflight)
                .http(http)
                .defaults(defaults)
                .variables(variables)
                .feeders(feeders)
                .users(classes)
                .setup(setup)
                .teardown(teardown)
                .load(load)
                .thresholds(thresholds)
                .grades(grades)
                .phases(phases)
                .llm(llm)
                .position(p.at(root))
                .compare(compare)
                .monitor(monitor)
                .search(search)
                .build());
  }

  /** The file name without folders and extension: {@code chat} for {@code tests/chat.yaml}. */
  private String defaultName() {
    String file = p.source().file().replace('\\', '/');
    String base = file.substring(file.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    base = dot > 0 ? base.substring(0, dot) : base;
    return base.isBlank() ? "scenario" : base;
  }

  private String target(Node node) {
    String url = Values.text(p, node, "target", "a URL like http://127.0.0.1:8000");
    if (url == null) return "";
    try {
      URI uri = new URI(url.strip());
      boolean http = uri.getScheme() != null && uri.getScheme().matches("(?i)https?");
      String port = http ? Ports.problem(uri) : null;
      if (port != null) {
        int at = url.indexOf(url.strip()) + Ports.offset(url.strip(), uri);
        p.add((ScalarNode) node, at, "target: " + port);
        return "";
      }
      if (http && uri.getHost() != null) return url.strip();
    } catch (URISyntaxException e) {
      // reported below
    }
    Values.expected(p, node, "target", "a URL like http://127.0.0.1:8000");
    return "";
  }

  private Preflight preflight(Node node) {
    if (Nodes.isBool(node))
      return Values.bool(p, node, "preflight") ? Preflight.TCP_CONNECT : Preflight.DISABLED;
    if (Nodes.isValue(node)) {
      String path = RequestReader.path(p, node, "preflight");
      return path == null ? null : Preflight.health(path);
    }
    Fields f =
        Fields.of(
            p,
            node,
            "preflight",
            "a path like /health, false, or {path: /health, timeout: 5s}",
            PREFLIGHT_KEYS);
    if (f == null) return null;
    String path = f.has("path") ? RequestReader.path(p, f.get("path"), "preflight.path") : null;
    Duration timeout =
        f.has("timeout") ? Values.duration(p, f.get("timeout"), "preflight.timeout", false) : null;
    return new Preflight(true, path, timeout == null ? Preflight.TCP_CONNECT.timeout() : timeout);
  }

  private HttpSettings http(Node node) {
    Fields f = Fields.of(p, node, "http", "a mapping of HTTP settings", HTTP_KEYS);
    if (f == null) return null;
    HttpSettings d = HttpSettings.DEFAULTS;
    Integer maxConnections =
        f.has("max_connections")
            ? Values.whole(p, f.get("max_connections"), "max_connections", 0, Integer.MAX_VALUE)
            : Integer.valueOf(d.maxConnections());
    Duration connectTimeout =
        f.has("connect_timeout")
            ? Values.duration(p, f.get("connect_timeout"), "connect_timeout", false)
            : d.connectTimeout();
    Boolean insecure =
        f.has("insecure")
            ? Values.bool(p, f.get("insecure"), "insecure")
            : Boolean.valueOf(d.insecure());
    Integer maxRedirects =
        f.has("max_redirects")
            ? Values.whole(p, f.get("max_redirects"), "max_redirects", 0, 100)
            : Integer.valueOf(d.maxRedirects());
    Boolean gzip =
        f.has("gzip") ? Values.bool(p, f.get("gzip"), "gzip") : Boolean.valueOf(d.gzip());
    Integer maxBody =
        f.has("max_body")
            ? Values.size(p, f.get("max_body"), "max_body", HttpSettings.MOST_MAX_BODY)
            : Integer.valueOf(d.maxBody());
    HttpSettings.Cookies cookies = f.has("cookies") ? HttpReader.cookies(p, f.get("cookies")) : d.cookies();
    HttpSettings.Version version = f.has("version") ? HttpReader.version(p, f.get("version")) : d.version();
    Integer maxStreams =
        f.has("max_streams")
            ? Values.whole(p, f.get("max_streams"), "max_streams", 1, Integer.MAX_VALUE)
            : Integer.valueOf(d.maxStreams());
    if (maxConnections == null
        || connectTimeout == null
        || insecure == null
        || maxRedirects == null
        || gzip == null
        || maxBody == null
        || cookies == null
        || version == null
        || maxStreams == null) return null;
    return p.build(
        node,
        () -> new HttpSettings(maxConnections, connectTimeout, insecure, maxRedirects, gzip, maxBody, cookies,
            version, maxStreams));
  }

  private RequestDefaults defaults(Node node) {
    Fields f = Fields.of(p, node, "defaults", "a mapping with headers and timeout", DEFAULTS_KEYS);
    if (f == null) return null;
    Map<String, String> headers =
        f.has("headers") ? RequestReader.headers(p, f.get("headers")) : Map.of();
    Duration timeout =
        f.has("timeout") ? Values.duration(p, f.get("timeout"), "timeout", false) : null;
    return new RequestDefaults(headers, timeout);
  }

  private Map<String, String> variables(Node node, Set<String> feeders) {
    if (node == null) return Map.of();
    Map<String, String> vars = Values.strings(p, node, "variables", false);
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode key)) continue;
        Names.variable(p, key, "variable");
        if (feeders.contains(key.getValue()))
          p.add(
              key,
              "variable '" + key.getValue() + "' has the name of a feeder; rename one of them");
      }
    }
    return vars;
  }
}
