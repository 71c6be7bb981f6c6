package horde.run;

import horde.criteria.Criteria;
import horde.criteria.CriterionResult;
import horde.record.IntervalSnapshot;
import horde.scenario.Threshold;
import horde.stats.EndpointStats;
import horde.stats.Interval;
import horde.stats.IntervalListener;
import horde.stats.Names;
import horde.stats.RunStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ends a capacity-search step early when it is clearly past the knee, rather than loading a target
 * that has already failed for the rest of the step: after {@value #MIN_SECONDS} measured seconds
 * and {@value #MIN_REQUESTS} requests, a fail-level criterion missed by its margin (p95 over twice
 * its limit with the default margin of 2; a lower bound under half of it), or in the open model
 * more than {@value #MAX_DROPPED_PERCENT}% of the arrivals dropped. Judged on the step's measured
 * seconds so far, each second, on the statistics thread.
 */
final class StepWatch implements IntervalListener {
  static final int MIN_SECONDS = 2, MIN_REQUESTS = 20;
  static final double MAX_DROPPED_PERCENT = 5;

  private final List<Threshold> thresholds;
  private final double margin;
  private final Map<String, Set<String>> tasks;
  private final double rate;
  private final Runnable stop;
  private final List<Interval> seconds = new ArrayList<>();
  private IntervalSnapshot sum;
  private long dropped;
  private double measured;
  private volatile boolean stopped;

  /** @param rate the step's arrivals per second, 0 for users */
  StepWatch(List<Threshold> thresholds, double margin, Map<String, Set<String>> tasks, double rate, Runnable stop) {
    this.thresholds = thresholds.stream().filter(t -> t.level() == Threshold.Level.FAIL).toList();
    this.margin = margin;
    this.tasks = tasks;
    this.rate = rate;
    this.stop = stop;
  }

  boolean stopped() {
    return stopped;
  }

  @Override
  public void interval(Interval interval, IntervalSnapshot snapshot, Names names) {
    if (stopped || interval.warmup()) return;
    if (sum == null) sum = snapshot.emptyCopy();
    sum.add(snapshot);
    seconds.add(interval);
    dropped += interval.dropped();
    measured += interval.seconds();
    if (measured < MIN_SECONDS) return;
    List<EndpointStats> endpoints = new ArrayList<>();
    for (int e = 0; e < sum.endpoints(); e++) endpoints.add(EndpointStats.of(sum, e, names, null));
    EndpointStats total = EndpointStats.total(endpoints);
    if (total.requests() + dropped < MIN_REQUESTS) return;
    RunStats so = new RunStats(0, measured, 0, measured, endpoints, total, List.of(), 0, false, dropped, seconds, names);
    if (pastKnee(so)) {
      stopped = true;
      stop.run();
    }
  }

  private boolean pastKnee(RunStats so) {
    if (rate > 0 && dropped > MAX_DROPPED_PERCENT / 100 * rate * measured) return true;
    for (CriterionResult c : Criteria.evaluate(thresholds, so, tasks)) {
      if (c.passed() || c.noData()) continue;
      double actual = c.actual(), limit = c.threshold().value();
      boolean far = switch (c.threshold().comparator()) {
        case LT, LE -> limit > 0 && actual > limit * margin;
        case GT, GE -> actual < limit / margin;
        default -> false;
      };
      if (far) return true;
    }
    return false;
  }
}
