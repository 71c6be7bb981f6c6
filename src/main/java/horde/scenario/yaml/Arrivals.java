package horde.scenario.yaml;

import horde.scenario.LoadProfile;
import horde.scenario.LoadProfile.Open;
import horde.scenario.LoadProfile.RateStage;
import horde.scenario.Suggest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the open model: iterations arrive at a rate whatever the target's speed.
 *
 * <pre>
 * load: {arrival_rate: 50/s, run_time: 5m, max_users: 500, arrivals: poisson}
 * load:
 *   start_rate: 0/s
 *   stages: [{duration: 1m, rate: 100/s}, {duration: 3m, rate: 100/s}]
 *   max_users: 1000
 * </pre>
 */
final class Arrivals {
  static final Set<String> STAGE_KEYS = Set.of("duration", "rate");
  static final List<String> KINDS = List.of("constant", "poisson");

  private final Problems p;
  private final LoadReader load;

  Arrivals(Problems problems, LoadReader load) {
    this.p = problems;
    this.load = load;
  }

  /** Whether {@code stages} are stages of rates: one of them has a {@code rate}. */
  static boolean ofRates(Node stages) {
    if (!(stages instanceof SequenceNode s)) return false;
    for (Node item : s.getValue()) {
      if (!(item instanceof MappingNode m)) continue;
      for (NodeTuple t : m.getValue())
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("rate")) return true;
    }
    return false;
  }

  /** {@code arrival_rate} with {@code run_time}, or {@code stages} of rates. */
  LoadProfile read(Fields f, Duration warmup) {
    Integer maxUsers =
        f.has("max_users")
            ? Values.whole(p, f.get("max_users"), "max_users", 1, LoadReader.MAX_USERS)
            : Integer.valueOf(Open.DEFAULT_MAX_USERS);
    Open.Arrivals arrivals =
        f.has("arrivals") ? arrivals(f.get("arrivals")) : Open.Arrivals.CONSTANT;
    double start;
    List<RateStage> stages;
    if (f.has("arrival_rate")) {
      Double rate = Rates.read(p, f.get("arrival_rate"), "arrival_rate", false);
      Duration runTime =
          f.has("run_time")
              ? Values.duration(p, f.get("run_time"), "run_time", false)
              : LoadProfile.DEFAULT_RUN_TIME;
      if (rate == null || runTime == null) return null;
      start = rate;
      stages = List.of(new RateStage(runTime, rate));
    } else {
      Double startRate =
          f.has("start_rate")
              ? Rates.read(p, f.get("start_rate"), "start_rate", true)
              : Double.valueOf(0);
      stages = stages(f.get("stages"));
      if (startRate == null || stages == null) return null;
      start = startRate;
      if (stages.stream().allMatch(s -> s.rate() == 0) && start == 0) {
        p.add(f.get("stages"), "stages: every rate is 0; at least one needs a rate above 0");
        return null;
      }
    }
    if (maxUsers == null || arrivals == null || warmup == null) return null;
    Open open = p.build(f.node(), () -> new Open(start, stages, maxUsers, arrivals, warmup));
    if (open == null) return null;
    if (open.total().isZero()) {
      p.add(
          f.get("stages"), "stages: together they last 0s; at least one needs a duration above 0");
      return null;
    }
    String what = f.has("arrival_rate") ? "run_time" : "the stages";
    return load.warmupFits(f, warmup, open.total(), what) ? open : null;
  }

  private List<RateStage> stages(Node node) {
    List<Node> items =
        Values.list(p, node, "stages", "a list of stages like {duration: 1m, rate: 100/s}");
    if (items == null) return null;
    List<RateStage> out = new ArrayList<>();
    for (Node item : items) {
      Fields s =
          Fields.of(
              p, item, "stages", "a stage of rates like {duration: 1m, rate: 100/s}", STAGE_KEYS);
      if (s == null) continue;
      if (!s.has("duration") || !s.has("rate")) {
        p.add(item, "a stage of rates needs duration and rate, like {duration: 1m, rate: 100/s}");
        continue;
      }
      Duration d = Values.duration(p, s.get("duration"), "duration", true);
      Double rate = Rates.read(p, s.get("rate"), "rate", true);
      if (d != null && rate != null) out.add(new RateStage(d, rate));
    }
    return out.size() == items.size() ? out : null;
  }

  private Open.Arrivals arrivals(Node node) {
    String text = Values.text(p, node, "arrivals", "constant or poisson");
    if (text == null) return null;
    if (KINDS.contains(text)) return Open.Arrivals.valueOf(text.toUpperCase(Locale.ROOT));
    p.add(
        node,
        "arrivals: expected constant or poisson, found '"
            + text
            + "'"
            + Suggest.didYouMean(text, KINDS));
    return null;
  }
}
