package horde.cluster;

import horde.criteria.Findings;
import horde.criteria.Verdict;
import horde.plan.FailureReasons;
import horde.plan.TestPlan;
import horde.record.IntervalSnapshot;
import horde.record.Samples;
import horde.result.RunResult;
import horde.run.TestRun;
import horde.scenario.FailureKind;
import horde.scenario.LoadProfile;
import horde.stats.ClusterTable;
import horde.stats.ClusterTable.Worker;
import horde.stats.Interval;
import horde.stats.IntervalCodec;
import horde.stats.Names;
import horde.stats.RunStats;
import horde.stats.Settings;
import horde.stats.Slice;
import horde.stats.StatsCollector;
import horde.stats.TargetSample;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jgroups.Address;

/**
 * A test's phases run across a cluster's workers, for {@link TestRun#loadFrom}: each phase starts
 * on every worker at one instant, their seconds are merged exactly ({@link PhaseMerge}) into the
 * coordinator's statistics, and a worker that dies, leaves or falls silent is reported by name and
 * left behind (or, under {@link LossPolicy#ABORT}, ends the test).
 */
public final class ClusterLoad implements TestRun.PhaseLoad {
  /** How long before a phase starts its instant is sent: every worker has it in time. */
  private static final long START_MARGIN_MICROS = 500_000;
  /** A worker sends a second every second: this long without a word, it is lost. */
  static final long SILENCE_NANOS = TimeUnit.SECONDS.toNanos(6);

  private final Node node;
  private final long run;
  private final TestPlan plan;
  private final List<Member> members;
  private final LossPolicy policy;
  private final String cluster;
  private final PrintWriter out;
  private final Set<Address> lateSeen = new HashSet<>();
  private volatile boolean abortRequested;
  private volatile Runnable stopRun = () -> {};
  private boolean stopSent;
  private boolean stoppedByLoss;
  private double timelineOffset;
  private long phaseStartMicros;

  ClusterLoad(Node node, long run, TestPlan plan, List<Member> members, LossPolicy policy, String cluster,
      PrintWriter out) {
    this.node = node;
    this.run = run;
    this.plan = plan;
    this.members = members;
    this.policy = policy;
    this.cluster = cluster;
    this.out = out;
  }

  /** What stops the whole test (its later phases too) when a lost worker must end it: the test run's abort. */
  public ClusterLoad stopping(Runnable stop) {
    this.stopRun = stop;
    return this;
  }

  @Override
  public RunStats run(int phase, LoadProfile load, String[] variables, StatsCollector.Options options,
      Supplier<Names> names, Supplier<TargetSample> target, Consumer<StatsCollector> collecting)
      throws InterruptedException {
    Samples samples = new Samples(plan.endpoints().size(), FailureReasons.CAPACITY);
    IntervalSnapshot shape = new IntervalSnapshot(plan.endpoints().size(), plan.measures().histogramCount(),
        plan.measures().counterCount(), FailureReasons.CAPACITY);
    members.forEach(Member::newPhase);
    phaseStartMicros = Node.nowMicros() + START_MARGIN_MICROS;
    TargetSeconds seconds = TargetSeconds.of(target, phaseStartMicros);
    PhaseMerge merge = new PhaseMerge(members, shape, names, seconds);
    StatsCollector collector = new StatsCollector(List.of(), shape, names, samples, merge.gauges(), options);
    collecting.accept(collector);
    for (Member m : members) {
      if (!m.lost) node.send(m.address, new Wire.Start(run, phase, phaseStartMicros + m.offsetMicros, variables));
    }
    collector.startTaking(phaseStartMicros / 1000);
    while (!merge.finished()) {
      if (abortRequested && !stopSent) stopAll();
      Node.Event e = node.next(100);
      if (e instanceof Node.Received r) received(r, phase, merge, samples);
      else if (e instanceof Node.Viewed v) viewed(v);
      silence();
      seconds.tick(Node.nowMicros());
      merge.feed(collector);
    }
    double end = merge.finish(collector);
    long cancelled = members.stream().filter(m -> m.done != null).mapToLong(m -> m.done.cancelledInFlight()).sum();
    boolean aborted = stopSent || members.stream().anyMatch(m -> m.done != null && m.done.aborted());
    RunStats stats = collector.finish(end, cancelled, aborted);
    for (Member m : members) if (m.lost) m.missedSeconds += Math.max(0, stats.runSeconds() - m.covered);
    timelineOffset += stats.runSeconds();
    return stats;
  }

  private void received(Node.Received r, int phase, PhaseMerge merge, Samples samples) {
    Member m = member(r.from());
    if (m == null) {
      if (r.message() instanceof Wire.Hello h && lateSeen.add(r.from())) {
        say("horde: worker %s joined during the run; it waits for the next one", h.name());
      }
      return;
    }
    if (m.lost) return;
    m.lastHeardNanos = System.nanoTime();
    switch (r.message()) {
      case Wire.Second s when s.run() == run && s.phase() == phase -> merge.add(m, mapped(m, s, samples));
      case Wire.Done d when d.run() == run && d.phase() == phase -> m.done = d;
      case Wire.Refused x when x.run() == run -> lose(m, "refused: " + x.reason());
      case null, default -> {}
    }
  }

  /** The worker's second with the coordinator's reason ids, its samples kept. */
  Interval mapped(Member m, Wire.Second s, Samples samples) {
    for (Wire.Reason r : s.reasons()) {
      m.reasons.put(r.id(), plan.reasons().idOf(r.name(), FailureKind.valueOf(r.kind())));
    }
    for (Wire.Sample x : s.samples()) {
      if (x.endpoint() < plan.endpoints().size()) samples.offer(x.endpoint(), id(m, x.reason()), x.text());
    }
    Interval i = IntervalCodec.decode(s.interval());
    List<Slice> slices = new ArrayList<>(i.slices().size());
    for (Slice slice : i.slices()) slices.add(remapped(m, slice));
    return new Interval(i.t(), i.seconds(), i.users(), i.peakUsers(), i.dropped(), i.warmup(), slices, i.health());
  }

  private int id(Member m, int workerId) {
    return m.reasons.getOrDefault(workerId, FailureReasons.OTHER);
  }

  private Slice remapped(Member m, Slice s) {
    long[] counters = new long[s.counterCount()];
    for (int c = 0; c < counters.length; c++) counters[c] = s.counter(c);
    int[] codes = new int[s.statusKinds()], ids = new int[s.reasonKinds()];
    long[] codeCounts = new long[codes.length], idCounts = new long[ids.length];
    for (int k = 0; k < codes.length; k++) {
      codes[k] = s.statusCode(k);
      codeCounts[k] = s.statusCount(k);
    }
    for (int k = 0; k < ids.length; k++) {
      ids[k] = id(m, s.reasonId(k));
      idCounts[k] = s.reasonCount(k);
    }
    byte[][] histograms = new byte[s.histogramCount()][];
    for (int h = 0; h < histograms.length; h++) histograms[h] = s.compressed(h);
    if (s.endpoint() >= plan.endpoints().size()) throw new IllegalArgumentException("a worker's endpoint " + s.endpoint()
        + " that this plan does not have");
    return new Slice(s.endpoint(), counters, codes, codeCounts, ids, idCounts, histograms);
  }

  private void viewed(Node.Viewed v) {
    for (Member m : members) {
      if (!m.lost && !v.view().containsMember(m.address)) {
        lose(m, "it left the cluster: its process ended or the network cut it off");
      }
    }
    node.broadcast(new Wire.Who()); // a newcomer says hello, and hears it waits for the next run
  }

  private void silence() {
    long now = System.nanoTime();
    for (Member m : members) {
      if (!m.lost && m.done == null && now - m.lastHeardNanos > SILENCE_NANOS) {
        lose(m, "nothing heard from it for " + TimeUnit.NANOSECONDS.toSeconds(SILENCE_NANOS) + " s");
      }
    }
  }

  private void lose(Member m, String why) {
    m.lost = true;
    m.lostWhy = why;
    m.lostAt = round(timelineOffset + Math.max(0, (Node.nowMicros() - phaseStartMicros) / 1e6));
    node.send(m.address, new Wire.End(run)); // if it is still there, it lets go of the test
    boolean stop = policy == LossPolicy.ABORT;
    say("horde: worker %s lost at %.1fs (%s); %s", m.name, m.lostAt, why,
        stop ? "stopping every worker (--on-worker-loss abort)" : "the others go on");
    if (stop && !stoppedByLoss) {
      stoppedByLoss = true;
      stopAll();
      stopRun.run();
    }
  }

  private void stopAll() {
    stopSent = true;
    for (Member m : members) if (!m.lost) node.send(m.address, new Wire.Stop(run));
  }

  @Override
  public void abort() {
    abortRequested = true;
  }

  /**
   * The result as the cluster ran it: the per-worker table in its settings ({@code cluster}), a
   * note for each lost worker, and at least WARN when one was lost; the target's summary kept.
   */
  public RunResult amend(RunResult r) {
    Map<String, Object> settings = new LinkedHashMap<>(r.settings());
    settings.put(Settings.CLUSTER, table());
    List<String> notes = new ArrayList<>(r.notes());
    boolean lost = false;
    for (Member m : members) {
      if (!m.lost) continue;
      lost = true;
      notes.add(String.format(Locale.ROOT, "worker %s was lost at %.1fs (%s): its share (%s) of the last %.1fs was not sent%s",
          m.name, m.lostAt, m.lostWhy, share(), m.missedSeconds,
          stoppedByLoss ? "; the run was stopped there (--on-worker-loss abort)" : "; the others went on"));
    }
    Verdict verdict = lost && r.verdict() == Verdict.PASS ? Verdict.WARN : r.verdict();
    // the findings again, now that the settings hold the table a lost worker's finding is read from
    return r.toBuilder().settings(settings).verdict(verdict).notes(notes).findings(Findings.of(r.stats(), settings))
        .build();
  }

  private Map<String, Object> table() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put(ClusterTable.NAME, cluster);
    c.put(ClusterTable.ON_WORKER_LOSS, policy.name().toLowerCase(Locale.ROOT));
    List<Map<String, Object>> workers = new ArrayList<>();
    for (Member m : members) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put(Worker.NAME, m.name);
      w.put(Worker.SHARE, share());
      w.put(Worker.CORES, m.cores);
      w.put(Worker.REQUESTS, m.requests);
      w.put(Worker.FAILURES, m.failures);
      w.put(Worker.CPU_MEAN_PERCENT, round(m.cpuSeconds == 0 ? 0 : m.cpuSum / m.cpuSeconds));
      w.put(Worker.CPU_PEAK_PERCENT, round(m.cpuPeak));
      w.put(Worker.LOOP_LAG_P99_MAX_MS, round(m.lagP99Max));
      w.put(Worker.CLOCK_OFFSET_MS, round(m.offsetMicros / 1000.0));
      if (m.lost) {
        w.put(Worker.LOST_AT_S, m.lostAt);
        w.put(Worker.MISSED_S, round(m.missedSeconds));
        w.put(Worker.LOST_REASON, m.lostWhy);
      }
      workers.add(w);
    }
    c.put(ClusterTable.WORKERS, workers);
    return c;
  }

  private String share() {
    return "1/" + members.size();
  }

  private Member member(Address a) {
    for (Member m : members) if (m.address.equals(a)) return m;
    return null;
  }

  private void say(String format, Object... args) {
    out.printf(Locale.ROOT, format + "%n", args);
    out.flush();
  }

  private static double round(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
