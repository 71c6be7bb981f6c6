package horde.run;

import horde.criteria.Criteria;
import horde.criteria.CriterionResult;
import horde.criteria.Verdict;
import horde.engine.Engine;
import horde.engine.EngineOptions;
import horde.engine.EngineReport;
import horde.plan.Endpoint;
import horde.plan.RequestPlan;
import horde.plan.TestPlan;
import horde.record.MetricRecorder;
import horde.plan.FailureReasons;
import horde.result.RunResult;
import horde.stats.Progress;
import horde.stats.RunStats;
import horde.stats.StatsCollector;
import horde.stats.Totals;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One test from plan to result: pre-flight, load, statistics, criteria. The pieces of the
 * pipeline meet here and nowhere else.
 *
 * <pre>{@code
 * TestRun run = new TestRun(plan, EngineOptions.DEFAULTS, "examples/chat.yaml");
 * RunResult result = run.execute(progress -> System.out.println(progress));
 * }</pre>
 */
public final class TestRun {
  /** Seconds between progress reports. */
  public static final int PROGRESS_EVERY = 5;

  private final TestPlan plan;
  private final EngineOptions options;
  private final String scenarioFile;
  private volatile Engine engine;
  private volatile boolean abortRequested;

  public TestRun(TestPlan plan, EngineOptions options, String scenarioFile) {
    this.plan = plan;
    this.options = options;
    this.scenarioFile = scenarioFile;
  }

  /** Checks that the target answers; throws before any load is sent. */
  public void preflight() throws UnreachableTargetException {
    Preflight.check(plan.target(), plan.scenario().preflight(), plan.scenario().http().insecure());
  }

  /** Runs the load and returns the result; {@link #abort()} ends it early with what ran. */
  public RunResult execute(Consumer<Progress> progress) throws InterruptedException {
    MetricRecorder recorder = new MetricRecorder(plan.endpoints().size(), FailureReasons.CAPACITY);
    List<Endpoint> eps = plan.endpoints();
    boolean[] groups = new boolean[eps.size()];
    for (Endpoint ep : eps) groups[ep.id()] = ep.isGroup();
    try (Engine e = new Engine(plan, recorder, options)) {
      engine = e;
      boolean open = plan.scenario().load() instanceof horde.scenario.LoadProfile.Open;
      Totals totals = new Totals(recorder, eps.stream().map(Endpoint::name).toList(),
          eps.stream().map(Endpoint::method).toList(), plan.reasons()::name, plan.reasons()::size,
          open ? e::droppedIterations : null);
      StatsCollector stats = new StatsCollector(recorder, totals, groups, e::users,
          plan.scenario().load().warmup().toNanos() / 1e9, progress, PROGRESS_EVERY);
      long epoch = System.currentTimeMillis();
      e.start();
      stats.start(e.startNanos(), epoch);
      if (abortRequested) e.abort();
      EngineReport report = e.await();
      RunStats s = stats.finish(report.endNanos(), report.cancelledInFlight(), report.aborted());
      return result(s, epoch);
    }
  }

  /** Ends the run early (Ctrl-C); safe from any thread, also before the run has started. */
  public void abort() {
    abortRequested = true;
    Engine e = engine;
    if (e != null) e.abort();
  }

  private RunResult result(RunStats stats, long epoch) {
    List<CriterionResult> criteria = Criteria.evaluate(plan.scenario().thresholds(), stats, taskEndpoints(plan));
    return new RunResult(Version.VALUE, RunSettings.scenario(plan, scenarioFile), RunSettings.of(plan, options),
        RunSettings.environment(), Instant.ofEpochMilli(epoch).toString(), stats, criteria, Verdict.of(criteria));
  }

  /** Task name to the endpoint names its steps use, for thresholds that name a task. */
  public static Map<String, Set<String>> taskEndpoints(TestPlan plan) {
    Map<String, Set<String>> out = new HashMap<>();
    plan.users().forEach(u -> u.tasks().forEach(t -> t.steps().forEach(s -> {
      if (s instanceof RequestPlan r) {
        out.computeIfAbsent(t.name(), k -> new LinkedHashSet<>()).add(plan.endpoints().get(r.endpoint()).name());
      }
    })));
    return out;
  }
}
