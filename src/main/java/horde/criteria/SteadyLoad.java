package horde.criteria;

import horde.stats.Interval;
import horde.stats.RunStats;
import horde.stats.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * The longest stretch of a run's measured seconds at one load, where a trend over time is drift
 * and not the load changing. Closed model: consecutive seconds with the same users, none of them
 * starting or stopping within the second (a ramp or a change of phase ends a stretch). Open model:
 * the users at work follow the latency, so the stretch comes from the load as set — the longest
 * stage at a constant arrival rate; without the settings (a run of phases) there is none.
 */
final class SteadyLoad {
  private SteadyLoad() {}

  /** @param load the run's settings (model, rates...), or null */
  static List<Interval> of(RunStats run, Settings load) {
    List<Interval> measured = TargetSeries.measured(run);
    if (run.open()) return constantRate(measured, load);
    List<Interval> best = List.of(), current = new ArrayList<>();
    for (Interval i : measured) {
      boolean same = !current.isEmpty() && current.get(0).users() == i.users();
      if (!same) current = new ArrayList<>();
      if (i.peakUsers() == i.users() && i.users() > 0 && i.seconds() >= 0.5) current.add(i);
      else current = new ArrayList<>();
      if (current.size() > best.size()) best = current;
    }
    return List.copyOf(best);
  }

  /** The seconds inside the longest stage at a constant rate, from settings {@code model: open}. */
  private static List<Interval> constantRate(List<Interval> measured, Settings load) {
    if (load == null || load.model() != Settings.Model.OPEN) return List.of();
    double previous = load.startRate().orElse(0), at = 0, bestFrom = 0, bestTo = 0;
    for (Settings.Rate stage : load.rates()) {
      double seconds = stage.duration().toNanos() / 1e9;
      double rate = stage.rate();
      if (rate == previous && rate > 0 && seconds > bestTo - bestFrom) {
        bestFrom = at;
        bestTo = at + seconds;
      }
      previous = rate;
      at += seconds;
    }
    double from = bestFrom, to = bestTo;
    return measured.stream().filter(i -> i.t() - i.seconds() >= from - 1e-6 && i.t() <= to + 1e-6 && i.seconds() >= 0.5)
        .toList();
  }
}
