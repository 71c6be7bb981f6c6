package horde.cluster;

import horde.record.Health;
import horde.record.IntervalSnapshot;
import horde.scenario.Measures;
import horde.stats.Gauges;
import horde.stats.Interval;
import horde.stats.Names;
import horde.stats.Slice;
import horde.stats.TargetSample;
import horde.stats.StatsCollector;
import java.util.List;
import java.util.function.Supplier;

/**
 * The exact merge of a phase: the workers' seconds, started at the same instant, are added second
 * by second (histograms added, counts summed: never an average of percentiles) and handed to the
 * coordinator's {@link StatsCollector} as if its own loops had recorded them, so the result is
 * built as a local run's is. A second is merged once every worker's part of it is settled: a later
 * second came, the worker finished, or it was lost (what it sent stands). A worker's last short
 * piece, which its own statistics join to the second before, replaces that second. The target's
 * own metrics, which the coordinator scrapes, join each second as it was on the coordinator's clock.
 */
final class PhaseMerge {
  private final List<Member> members;
  private final IntervalSnapshot shape;
  private final Supplier<Names> names;
  private final TargetSeconds target;
  private final SlotGauges gauges = new SlotGauges();
  private int next;
  private double end;

  /** @param target the coordinator's scrapes of the target, by second */
  PhaseMerge(List<Member> members, IntervalSnapshot shape, Supplier<Names> names, TargetSeconds target) {
    this.members = members;
    this.shape = shape;
    this.names = names;
    this.target = target;
  }

  /** The gauges {@code into} must read: those of the second being merged. */
  Gauges gauges() {
    return gauges;
  }

  /** A worker's second (its reason ids already the coordinator's). */
  void add(Member m, Interval i) {
    int slot = (int) Math.round(i.t() - i.seconds());
    m.pending.put(slot, i);
    m.latestSlot = Math.max(m.latestSlot, slot);
    m.covered = Math.max(m.covered, i.t());
  }

  boolean finished() {
    return members.stream().allMatch(m -> m.lost || m.done != null);
  }

  /** Merges every second that is settled for every worker into the collector. */
  void feed(StatsCollector into) {
    while (members.stream().allMatch(m -> m.settled(next))) {
      boolean more = members.stream().anyMatch(m -> m.pending.ceilingKey(next) != null);
      if (!more) return;
      boolean last = finished() && members.stream().noneMatch(m -> m.pending.higherKey(next) != null);
      merge(next++, last, into);
    }
  }

  /** Merges what is left; returns the phase's end (seconds since its start). */
  double finish(StatsCollector into) {
    feed(into);
    return end;
  }

  private void merge(int slot, boolean last, StatsCollector into) {
    IntervalSnapshot sum = shape.emptyCopy();
    int users = 0, peak = 0;
    long dropped = 0;
    Health worst = null;
    double t = slot + 1;
    double latest = 0;
    boolean[] groups = groups();
    for (Member m : members) {
      Interval i = m.pending.remove(slot);
      if (i == null) continue;
      i.slices().forEach(s -> s.addTo(sum));
      users += i.users();
      peak += i.peakUsers();
      dropped += i.dropped();
      worst = worse(worst, i.health());
      latest = Math.max(latest, i.t());
      m.health(i.health());
      if (!i.warmup()) count(m, i, groups);
    }
    if (last) t = latest;
    gauges.set(users, peak, dropped, worst, target.take(slot, Node.nowMicros()));
    into.take(t, sum);
    end = t;
  }

  private boolean[] groups() {
    List<Names.Endpoint> endpoints = names.get().endpoints();
    boolean[] out = new boolean[endpoints.size()];
    for (int e = 0; e < out.length; e++) out[e] = endpoints.get(e).isGroup();
    return out;
  }

  /** A worker's own requests in the measured window, as the summary counts them (transactions apart). */
  private static void count(Member m, Interval i, boolean[] groups) {
    for (Slice s : i.slices()) {
      if (s.endpoint() < groups.length && groups[s.endpoint()]) continue;
      m.requests += s.counter(Measures.REQUESTS);
      m.failures += s.counter(Measures.FAILURES);
    }
  }

  /** The worse of two generators' seconds: what most distorts the figures shows. */
  static Health worse(Health a, Health b) {
    if (a == null) return b;
    if (b == null) return a;
    boolean bFuller = b.maxFiles() > 0 && (a.maxFiles() <= 0
        || (double) b.openFiles() / b.maxFiles() > (double) a.openFiles() / a.maxFiles());
    return new Health(Math.max(a.loopLagP99Ms(), b.loopLagP99Ms()), Math.max(a.loopLagMaxMs(), b.loopLagMaxMs()),
        Math.max(a.cpuPercent(), b.cpuPercent()), Math.max(a.gcPauseMs(), b.gcPauseMs()),
        bFuller ? b.openFiles() : a.openFiles(), bFuller ? b.maxFiles() : a.maxFiles(), a.poolWaits() + b.poolWaits());
  }

  /** The merged second's gauges: users summed over the workers, drops added up, the worst health, the target's metrics. */
  private static final class SlotGauges implements Gauges {
    private int users;
    private int peak;
    private long droppedSoFar;
    private Health health;
    private TargetSample target;

    void set(int users, int peak, long dropped, Health health, TargetSample target) {
      this.users = users;
      this.peak = peak;
      this.droppedSoFar += dropped;
      this.health = health;
      this.target = target;
    }

    public TargetSample target() {
      return target;
    }

    public int users() {
      return users;
    }

    public int takePeakUsers() {
      return peak;
    }

    public long droppedSoFar() {
      return droppedSoFar;
    }

    public Health health() {
      return health;
    }
  }
}
