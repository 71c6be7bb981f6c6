package horde.cluster;

import horde.criteria.Findings;
import horde.engine.Engine;
import horde.engine.EngineOptions;
import horde.engine.EngineReport;
import horde.engine.Generator;
import horde.engine.LoadControl;
import horde.engine.Share;
import horde.plan.FailureReasons;
import horde.plan.TestPlan;
import horde.record.Samples;
import horde.result.ResultJson;
import horde.result.RunResult;
import horde.run.TestRun;
import horde.scenario.LoadProfile;
import horde.scenario.Version;
import horde.stats.RunStats;
import horde.stats.Sequence;
import horde.stats.StatsCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jgroups.Address;

/**
 * A test as one worker runs it: its share of each phase, started at the coordinator's instant,
 * each second shipped as it is taken. Phases run on a thread of their own so that the worker's
 * loop stays free to hear a stop or the loss of its coordinator.
 */
final class WorkerRun implements AutoCloseable {
  private final Node node;
  private final Address coordinator;
  private final long id;
  private final TestPlan plan;
  private final Share share;
  private final EngineOptions options;
  private final Generator generator;
  private final Set<Integer> named = Collections.synchronizedSet(new HashSet<>());
  private final List<RunStats> phases = Collections.synchronizedList(new ArrayList<>());
  private final long startedMillis = System.currentTimeMillis();
  private final Consumer<String> say;
  private volatile Engine engine;
  private volatile boolean stopped;
  private Thread phase;

  /** @param say the worker's console: how late each phase began on this machine goes there */
  WorkerRun(Node node, Address coordinator, long id, TestPlan plan, Share share, EngineOptions options, Consumer<String> say) {
    this.node = node;
    this.say = say;
    this.coordinator = coordinator;
    this.id = id;
    this.plan = Partition.of(plan, share);
    this.share = share;
    this.options = options;
    this.generator = new Generator(this.plan, options);
  }

  long id() {
    return id;
  }

  Address coordinator() {
    return coordinator;
  }

  Share share() {
    return share;
  }

  String scenarioName() {
    return plan.scenario().name();
  }

  /** Begins a phase on its own thread; false when one is still running or the run was stopped. */
  synchronized boolean start(Wire.Start s) {
    if (stopped || (phase != null && phase.isAlive()) || s.phase() >= plan.scenario().runs().size()) return false;
    phase = new Thread(() -> phase(s), "horde-worker-phase");
    phase.setDaemon(true);
    phase.start();
    return true;
  }

  private void phase(Wire.Start s) {
    LoadProfile load = plan.scenario().runs().get(s.phase()).load();
    Samples samples = new Samples(plan.endpoints().size(), FailureReasons.CAPACITY);
    Engine e = generator.engine(load, samples, s.variables(), new LoadControl(), share);
    engine = e;
    StatsCollector.Options o = new StatsCollector.Options(load.warmup().toNanos() / 1e9, load.isOpen(), plan.tracked(),
        null, 0, List.of(new Shipper(node, coordinator, id, s.phase(), samples, named)));
    StatsCollector stats = new StatsCollector(e.recorders(), generator.shape(), () -> TestRun.names(plan), samples,
        TestRun.gauges(e, generator), o).onError(generator.fatal());
    awaitInstant(s.atMicros());
    e.start();
    if (!stopped) {
      say.accept(String.format(Locale.ROOT, "run %s: phase %d started %.2f ms after the coordinator's instant",
          Worker.hex(id), s.phase() + 1, (Node.nowMicros() - s.atMicros()) / 1000.0));
    }
    stats.start(e.startNanos(), s.atMicros() / 1000);
    if (stopped) e.abort();
    try {
      EngineReport report = e.await();
      RunStats result = stats.finish(report.endNanos(), report.cancelledInFlight(), report.aborted());
      phases.add(result);
      node.send(coordinator, new Wire.Done(id, s.phase(), (report.endNanos() - report.startNanos()) / 1e9,
          report.cancelledInFlight(), report.aborted()));
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }

  /** Parks until the coordinator's start instant (in this machine's clock); at once when it has passed or the run stopped. */
  private void awaitInstant(long atMicros) {
    long deadline = System.nanoTime() + (atMicros - Node.nowMicros()) * 1_000;
    while (!stopped && deadline - System.nanoTime() > 0) LockSupport.parkNanos(deadline - System.nanoTime());
  }

  /** Stops the load now: users stop, what is in flight gets the engine's short grace. */
  void stop() {
    stopped = true;
    Engine e = engine;
    if (e != null) e.abort();
  }

  /** Requests this worker's share sent in the measured windows so far. */
  long requests() {
    synchronized (phases) {
      return phases.stream().mapToLong(p -> p.total().requests()).sum();
    }
  }

  /** Writes what this worker measured, as a result file of its own (its share only, no criteria). */
  Path write(Path dir, String worker) throws IOException {
    RunStats all;
    synchronized (phases) {
      if (phases.isEmpty()) return null;
      all = Sequence.of(List.copyOf(phases));
    }
    Map<String, String> scenario = new LinkedHashMap<>();
    scenario.put("name", plan.scenario().name());
    scenario.put("file", "");
    scenario.put("target", plan.target().toString());
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("worker", worker);
    settings.put("share", share.fraction());
    settings.put("run", Long.toHexString(id));
    RunResult r = RunResult.builder(all).hordeVersion(Version.VALUE).scenario(scenario).settings(settings)
        .startedAt(Instant.ofEpochMilli(startedMillis).toString()).findings(Findings.of(all, settings)).build();
    Path file = dir.resolve("run-" + Long.toHexString(id) + "-" + worker + ".json");
    ResultJson.write(r, file);
    return file;
  }

  /** Waits for a running phase to end (bounded), then lets go of the event loops. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      t = phase;
    }
    if (t != null) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(60));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    generator.close();
  }
}
