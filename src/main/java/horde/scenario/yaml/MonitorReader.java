package horde.scenario.yaml;

import horde.scenario.Monitor;
import horde.scenario.SeriesQuery;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code monitor}: the target's Prometheus endpoints and the series to keep from each.
 *
 * <pre>
 * monitor:
 *   every: 1s
 *   prometheus:
 *     - http://127.0.0.1:9100/metrics                      # every gauge and counter (up to limit)
 *     - url: http://127.0.0.1:8000/metrics
 *       series:
 *         - horde_simulator_queue_depth                    # a metric, under its own name
 *         - errors_per_s: rate(http_requests_total{status=~"5.."})
 * </pre>
 */
final class MonitorReader {
  static final Set<String> KEYS = Set.of("every", "prometheus");
  static final Set<String> SOURCE_KEYS = Set.of("url", "series", "limit", "timeout");
  private static final String NAME = "[A-Za-z_:][A-Za-z0-9_:]*";

  private final Problems p;
  private final Set<String> names = new HashSet<>();

  MonitorReader(Problems problems) {
    this.p = problems;
  }

  /** The monitor, or null when there is none or it has problems. */
  Monitor read(Node node) {
    if (node == null) return null;
    Fields f = Fields.of(p, node, "monitor", "a mapping with prometheus: a list of endpoints", KEYS);
    if (f == null) return null;
    Duration every = f.has("every") ? Values.duration(p, f.get("every"), "every", false) : Monitor.DEFAULT_EVERY;
    if (!f.has("prometheus")) {
      p.add(node, "monitor needs prometheus: a list of endpoints, like [http://127.0.0.1:9100/metrics]");
      return null;
    }
    List<Node> items = Values.list(p, f.get("prometheus"), "prometheus", "a list of /metrics URLs or {url, series}");
    if (items == null || every == null) return null;
    if (items.isEmpty()) Values.expected(p, f.get("prometheus"), "prometheus", "at least one endpoint");
    List<Monitor.Source> sources = new ArrayList<>();
    for (Node item : items) {
      Monitor.Source s = source(item);
      if (s != null) sources.add(s);
    }
    if (sources.size() != items.size() || sources.isEmpty()) return null;
    return p.build(node, () -> new Monitor(sources, every));
  }

  private Monitor.Source source(Node node) {
    if (Nodes.isValue(node)) {
      String url = url(node);
      return url == null ? null : new Monitor.Source(url, List.of(), 0, null);
    }
    Fields f = Fields.of(p, node, "prometheus", "a URL or {url, series, limit, timeout}", SOURCE_KEYS);
    if (f == null) return null;
    if (!f.has("url")) {
      p.add(node, "an endpoint needs url, like {url: http://127.0.0.1:9100/metrics}");
      return null;
    }
    String url = url(f.get("url"));
    List<Monitor.Series> series = f.has("series") ? series(f.get("series")) : List.of();
    Integer limit = f.has("limit") ? Values.whole(p, f.get("limit"), "limit", 1, 10_000) : Integer.valueOf(0);
    Duration timeout = f.has("timeout") ? Values.duration(p, f.get("timeout"), "timeout", false) : null;
    if (url == null || series == null || limit == null || (f.has("timeout") && timeout == null)) return null;
    if (f.has("limit") && !series.isEmpty()) p.add(f.key("limit"), "limit: only an endpoint without series finds its"
        + " own (up to limit); this one lists them");
    return new Monitor.Source(url, series, limit, timeout);
  }

  private String url(Node node) {
    String url = Values.text(p, node, "url", "a URL like http://127.0.0.1:9100/metrics");
    if (url == null) return null;
    try {
      URI uri = new URI(url.strip());
      if (uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null) return url.strip();
    } catch (URISyntaxException e) {
      // reported below
    }
    Values.expected(p, node, "url", "a URL like http://127.0.0.1:9100/metrics");
    return null;
  }

  private List<Monitor.Series> series(Node node) {
    List<Node> items = Values.list(p, node, "series", "a list of metric names or {name: query}");
    if (items == null) return null;
    List<Monitor.Series> out = new ArrayList<>();
    boolean ok = true;
    for (Node item : items) {
      Monitor.Series s = item instanceof MappingNode m ? named(m) : plain(item);
      if (s == null) ok = false;
      else out.add(s);
    }
    return ok ? out : null;
  }

  /** {@code - node_load1}: a metric under its own name. */
  private Monitor.Series plain(Node item) {
    String text = Values.text(p, item, "series", "a metric name, or {name: query}");
    if (text == null) return null;
    if (!SeriesQuery.isName(text)) {
      p.add(item, "series: '" + text + "' is a query; give it a name, like - my_series: " + text);
      return null;
    }
    return unique(item, text.strip(), text.strip());
  }

  /** {@code - name: query}. */
  private Monitor.Series named(MappingNode m) {
    if (m.getValue().size() != 1) {
      p.add(m, "series: one name and its query per item, like - errors_per_s: rate(errors_total)");
      return null;
    }
    NodeTuple t = m.getValue().get(0);
    if (!(t.getKeyNode() instanceof ScalarNode key) || !key.getValue().matches(NAME)) {
      p.add(t.getKeyNode(), "series: a name is letters, digits, _ and :, not starting with a digit");
      return null;
    }
    String query = Values.text(p, t.getValueNode(), key.getValue(), "a query like rate(requests_total)");
    if (query == null) return null;
    try {
      SeriesQuery.parse(query);
    } catch (SeriesQuery.SyntaxException e) {
      if (t.getValueNode() instanceof ScalarNode v) p.add(v, e.offset(), key.getValue() + ": " + e.getMessage());
      else p.add(t.getValueNode(), key.getValue() + ": " + e.getMessage());
      return null;
    }
    return unique(key, key.getValue(), query);
  }

  private Monitor.Series unique(Node at, String name, String query) {
    if (!names.add(name)) {
      p.add(at, "series '" + name + "' twice; names must differ (they are what target." + name + " judges)");
      return null;
    }
    return new Monitor.Series(name, query);
  }
}
