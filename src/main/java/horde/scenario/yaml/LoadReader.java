package horde.scenario.yaml;

import horde.scenario.Durations;
import horde.scenario.LoadProfile;
import horde.scenario.Search;
import horde.scenario.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code load}: exactly one of {@code users} (closed model), {@code stages} (of users, or of
 * arrival rates), {@code requests} (fixed count) or {@code arrival_rate} (open model), each with
 * its own keys, plus {@code warmup}. No section means one user for ten seconds.
 */
final class LoadReader {
  static final Set<String> MODES = Set.of("users", "stages", "requests", "arrival_rate", "search");

  /** The modes each mode-specific key goes with; "rates" are stages of arrival rates. */
  private static final Map<String, List<String>> MODE_OF =
      Map.of(
          "spawn_rate", List.of("users"),
          "run_time", List.of("users", "arrival_rate"),
          "concurrency", List.of("requests"),
          "max_time", List.of("requests"),
          "max_users", List.of("arrival_rate", "rates"),
          "arrivals", List.of("arrival_rate", "rates"),
          "start_rate", List.of("rates"));

  private static final Map<String, String> MODE_NAMES =
      Map.of(
          "users", "users",
          "stages", "stages of users",
          "rates", "stages of rates",
          "requests", "requests",
          "arrival_rate", "arrival_rate",
          "search", "search");

  static final Set<String> KEYS =
      Set.of(
          "users",
          "spawn_rate",
          "run_time",
          "stages",
          "requests",
          "concurrency",
          "max_time",
          "arrival_rate",
          "start_rate",
          "max_users",
          "arrivals",
          "warmup",
          "search");
  static final long MAX_USERS = 10_000_000;
  static final Set<String> STAGE_KEYS = Set.of("duration", "users");

  private final Problems p;
  private Search search;

  LoadReader(Problems problems) {
    this.p = problems;
  }

  LoadProfile read(Node node) {
    if (node == null) return LoadProfile.DEFAULT;
    Fields f =
        Fields.of(p, node, "load", "a mapping with users, stages, requests or arrival_rate", KEYS);
    if (f == null) return null;
    List<String> modes = f.present(MODES);
    if (modes.isEmpty()) {
      p.add(
          node,
          "load: expected one of users (with spawn_rate and run_time), stages, requests (with"
              + " concurrency), arrival_rate (with run_time and max_users), or search");
      return null;
    }
    String mode = modes.getFirst();
    for (String other : modes.subList(1, modes.size()))
      p.add(
          f.key(other),
          "load: "
              + other
              + " cannot go with "
              + mode
              + "; choose one of users, stages, requests or arrival_rate");
    if (mode.equals("stages") && Arrivals.ofRates(f.get("stages"))) mode = "rates";
    if (mode.equals("search")) return search(f);
    for (String key : f.keys()) {
      List<String> needs = MODE_OF.get(key);
      if (needs != null && !needs.contains(mode))
        p.add(
            f.key(key),
            "load: "
                + key
                + " goes with "
                + String.join(" or ", needs.stream().map(MODE_NAMES::get).toList())
                + ", not with "
                + MODE_NAMES.get(mode));
    }
    Long warmupRequests = warmupRequests(f);
    Duration warmup = !f.has("warmup") || warmupRequests != null ? Duration.ZERO
        : Values.duration(p, f.get("warmup"), "warmup", true);
    LoadProfile load = switch (mode) {
      case "users" -> closed(f, warmup);
      case "stages" -> staged(f, warmup);
      case "requests" -> fixedCount(f, warmup);
      default -> new Arrivals(p, this).read(f, warmup);
    };
    return load == null || warmupRequests == null || warmupRequests < 0 ? load : load.withWarmupRequests(warmupRequests);
  }

  /** {@code warmup: 20 requests}: the count; null for a time (or none); -1 for a bad count, reported. */
  private Long warmupRequests(Fields f) {
    if (!f.has("warmup") || !Nodes.isValue(f.get("warmup"))) return null;
    String text = ((ScalarNode) f.get("warmup")).getValue();
    long n = LoadProfile.requestCount(text);
    if (n >= 0) return n;
    if (!text.contains("request")) return null;
    p.add(f.get("warmup"), "warmup: expected a duration like 30s or a count of requests like 20 requests, not '"
        + text + "'");
    return -1L;
  }

  /** The capacity search the section asked for, or null. */
  Search search() {
    return search;
  }

  /** A search is the whole section: its steps have their own run time and warm-up. */
  private LoadProfile search(Fields f) {
    for (String key : f.keys())
      if (!key.equals("search"))
        p.add(f.key(key), "load: " + key + " does not go with search; a search sets each step's load (put step and"
            + " warmup inside search)");
    search = new SearchReader(p).read(f.get("search"));
    return search == null ? null : search.load(search.from());
  }

  private LoadProfile closed(Fields f, Duration warmup) {
    Integer users = Values.whole(p, f.get("users"), "users", 1, MAX_USERS);
    Double spawnRate =
        f.has("spawn_rate")
            ? Values.number(p, f.get("spawn_rate"), "spawn_rate", 0)
            : (users == null ? null : users.doubleValue());
    Duration runTime =
        f.has("run_time")
            ? Values.duration(p, f.get("run_time"), "run_time", false)
            : LoadProfile.DEFAULT_RUN_TIME;
    if (!warmupFits(f, warmup, runTime, "run_time")) return null;
    if (users == null || spawnRate == null || runTime == null) return null;
    return p.build(f.node(), () -> new LoadProfile.Closed(users, spawnRate, runTime, warmup));
  }

  private LoadProfile staged(Fields f, Duration warmup) {
    Node node = f.get("stages");
    List<Node> items =
        Values.list(p, node, "stages", "a list of stages like {duration: 1m, users: 100}");
    if (items == null) return null;
    if (items.isEmpty()) Values.expected(p, node, "stages", "at least one stage");
    List<Stage> stages = new ArrayList<>();
    for (Node item : items) {
      Fields s =
          Fields.of(p, item, "stages", "a stage like {duration: 1m, users: 100}", STAGE_KEYS);
      if (s == null) continue;
      if (!s.has("duration") || !s.has("users")) {
        p.add(item, "a stage needs duration and users, like {duration: 1m, users: 100}");
        continue;
      }
      Duration d = Values.duration(p, s.get("duration"), "duration", true);
      Integer users = Values.whole(p, s.get("users"), "users", 0, MAX_USERS);
      Stage stage = d == null || users == null ? null : p.build(item, () -> new Stage(d, users));
      if (stage != null) stages.add(stage);
    }
    if (stages.size() != items.size() || stages.isEmpty()) return null;
    LoadProfile.Staged staged = p.build(node, () -> new LoadProfile.Staged(stages, warmup));
    if (staged == null) return null;
    if (staged.total().isZero()) {
      p.add(node, "stages: together they last 0s; at least one needs a duration above 0");
      return null;
    }
    if (stages.stream().allMatch(s -> s.users() == 0)) {
      p.add(node, "stages: every stage has 0 users; at least one needs users above 0");
      return null;
    }
    return warmupFits(f, warmup, staged.total(), "the stages") ? staged : null;
  }

  private LoadProfile fixedCount(Fields f, Duration warmup) {
    Long requests = Values.wholeLong(p, f.get("requests"), "requests", 1, Long.MAX_VALUE);
    Integer concurrency =
        f.has("concurrency")
            ? Values.whole(p, f.get("concurrency"), "concurrency", 1, MAX_USERS)
            : Integer.valueOf(1);
    Duration maxTime =
        f.has("max_time") ? Values.duration(p, f.get("max_time"), "max_time", false) : null;
    LoadProfile.FixedCount fixed =
        requests == null || concurrency == null || (f.has("max_time") && maxTime == null)
            ? null
            : p.build(
                f.node(), () -> new LoadProfile.FixedCount(requests, concurrency, maxTime, warmup));
    if (fixed == null) return null;
    return warmupFits(f, warmup, fixed.maxTime(), "max_time") ? fixed : null;
  }

  /** The warm-up must leave part of the run to measure. */
  boolean warmupFits(Fields f, Duration warmup, Duration run, String what) {
    if (warmup == null) return false;
    if (run == null || warmup.compareTo(run) < 0) return true;
    p.add(
        f.get("warmup"),
        "warmup: "
            + Durations.format(warmup)
            + " is not shorter than "
            + what
            + " ("
            + Durations.format(run)
            + "), so nothing would be measured");
    return false;
  }
}
