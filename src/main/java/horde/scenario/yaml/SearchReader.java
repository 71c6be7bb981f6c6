package horde.scenario.yaml;

import horde.scenario.Durations;
import horde.scenario.LoadProfile;
import horde.scenario.Search;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code load: {search: ...}}, a capacity search:
 *
 * <pre>
 * load:
 *   search: {users: 10..2000, step: 30s, warmup: 5s}
 * load:
 *   search: {rate: 1/s..500/s, step: 20s, precision: 5%, at_least: 100/s}
 * </pre>
 */
final class SearchReader {
  static final Set<String> KEYS = Set.of("users", "rate", "step", "warmup", "factor", "precision", "margin",
      "max_steps", "at_least", "spawn_rate", "max_users", "arrivals");
  static final String RANGE_USERS = "a range of users like 10..2000";
  static final String RANGE_RATE = "a range of rates like 1/s..500/s";
  private static final Pattern RANGE = Pattern.compile("\\s*(.+?)\\s*\\.\\.\\s*(.+?)\\s*");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*([smh]))?");
  private static final Map<String, String> ONLY = Map.of("spawn_rate", "users", "max_users", "rate", "arrivals", "rate");

  private final Problems p;

  SearchReader(Problems problems) {
    this.p = problems;
  }

  Search read(Node node) {
    Fields f = Fields.of(p, node, "search", "a mapping like {users: 10..2000, step: 30s}", KEYS);
    if (f == null) return null;
    if (f.has("users") == f.has("rate")) {
      p.add(node, "search: give users (like users: 10..2000) or rate (like rate: 1/s..500/s), one of them");
      return null;
    }
    Search.Kind kind = f.has("users") ? Search.Kind.USERS : Search.Kind.RATE;
    ONLY.forEach((key, with) -> {
      if (f.has(key) && !with.equals(kind.key)) p.add(f.key(key), "search: " + key + " goes with " + with + ", not "
          + kind.key);
    });
    double[] range = range(f.get(kind.key), kind);
    Duration step = f.has("step") ? Values.duration(p, f.get("step"), "step", false) : Search.DEFAULT_STEP;
    Duration warmup = f.has("warmup") ? Values.duration(p, f.get("warmup"), "warmup", true) : Search.DEFAULT_WARMUP;
    Double factor = f.has("factor") ? Values.number(p, f.get("factor"), "factor", 1) : Search.DEFAULT_FACTOR;
    Double precision = f.has("precision") ? percent(f.get("precision"), "precision") : Search.DEFAULT_PRECISION;
    Double margin = f.has("margin") ? Values.number(p, f.get("margin"), "margin", 1) : Search.DEFAULT_MARGIN;
    Integer maxSteps = f.has("max_steps") ? Values.whole(p, f.get("max_steps"), "max_steps", 1, 1000)
        : Integer.valueOf(Search.DEFAULT_MAX_STEPS);
    Double atLeast = f.has("at_least") ? level(f.get("at_least"), kind, "at_least") : Double.valueOf(0);
    Double spawn = f.has("spawn_rate") ? Values.number(p, f.get("spawn_rate"), "spawn_rate", 0) : Double.valueOf(0);
    Integer maxUsers = f.has("max_users") ? Values.whole(p, f.get("max_users"), "max_users", 1, LoadReader.MAX_USERS)
        : Integer.valueOf(LoadProfile.Open.DEFAULT_MAX_USERS);
    LoadProfile.Open.Arrivals arrivals = f.has("arrivals") ? Values.choice(p, f.get("arrivals"), "arrivals",
        Arrivals.KINDS, LoadProfile.Open.Arrivals.class) : LoadProfile.Open.Arrivals.CONSTANT;
    if (range == null || step == null || warmup == null || factor == null || precision == null || margin == null
        || maxSteps == null || atLeast == null || spawn == null || maxUsers == null || arrivals == null) return null;
    if (warmup.compareTo(step) >= 0) {
      p.add(f.has("warmup") ? f.get("warmup") : f.get("step"), "search: the warm-up (" + Durations.format(warmup)
          + ") must be shorter than each step (" + Durations.format(step) + ")");
      return null;
    }
    return p.build(node, () -> new Search(kind, range[0], range[1], step, warmup, factor, precision, margin, maxSteps,
        atLeast, spawn, maxUsers, arrivals));
  }

  /** {@code 10..2000} users, or {@code 1/s..500/s}; null after a problem. */
  private double[] range(Node node, Search.Kind kind) {
    String what = kind == Search.Kind.USERS ? RANGE_USERS : RANGE_RATE;
    Matcher m = node instanceof ScalarNode s ? RANGE.matcher(s.getValue()) : null;
    if (m == null || !m.matches()) {
      Values.expected(p, node, "search." + kind.key, what);
      return null;
    }
    double from = parse(m.group(1), kind), to = parse(m.group(2), kind);
    if (Double.isNaN(from) || Double.isNaN(to) || !(from > 0)) {
      Values.expected(p, node, "search." + kind.key, what + " (above 0)");
      return null;
    }
    if (to < from) {
      p.add(node, "search." + kind.key + ": the range goes up: " + m.group(2) + " is below " + m.group(1));
      return null;
    }
    return new double[] {from, to};
  }

  private Double level(Node node, Search.Kind kind, String label) {
    double v = node instanceof ScalarNode s ? parse(s.getValue(), kind) : Double.NaN;
    if (Double.isNaN(v)) {
      Values.expected(p, node, label, kind == Search.Kind.USERS ? "a number of users like 100" : "a rate like 100/s");
      return null;
    }
    return v;
  }

  /** Users (a whole number) or a rate per second; NaN when it is neither. */
  private static double parse(String text, Search.Kind kind) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (kind == Search.Kind.USERS) return t.matches("\\d{1,9}") ? Long.parseLong(t) : Double.NaN;
    Matcher m = RATE.matcher(t);
    if (!m.matches()) return Double.NaN;
    double n = Double.parseDouble(m.group(1));
    return m.group(2) == null || m.group(2).equals("s") ? n : n / (m.group(2).equals("m") ? 60 : 3600);
  }

  private Double percent(Node node, String label) {
    if (node instanceof ScalarNode s) {
      String t = s.getValue().strip();
      if (t.endsWith("%")) {
        Double d = Nodes.decimal(t.substring(0, t.length() - 1).strip());
        if (d != null && d > 0 && d < 100) return d / 100;
      }
    }
    Values.expected(p, node, label, "a percentage above 0% and below 100%, like 10%");
    return null;
  }
}
