package horde.run;

import horde.criteria.Criteria;
import horde.criteria.CriterionResult;
import horde.criteria.Findings;
import horde.criteria.Grades;
import horde.criteria.Verdict;
import horde.engine.Engine;
import horde.engine.EngineOptions;
import horde.engine.EngineReport;
import horde.engine.FatalErrors;
import horde.engine.Generator;
import horde.engine.JitWarmUp;
import horde.engine.LoadControl;
import horde.engine.Share;
import horde.engine.WarmStart;
import horde.plan.FailureReasons;
import horde.plan.Steps;
import horde.plan.TestPlan;
import horde.record.Health;
import horde.record.IntervalSnapshot;
import horde.record.Samples;
import horde.result.PhaseResult;
import horde.result.RunResult;
import horde.result.SearchSummary;
import horde.monitor.TargetWatch;
import horde.scenario.LoadProfile;
import horde.scenario.Phase;
import horde.scenario.Version;
import horde.stats.Progress;
import horde.stats.RunStats;
import horde.stats.Settings;
import horde.stats.Sequence;
import horde.stats.StatsCollector;
import horde.stats.EndpointStats;
import horde.stats.Gauges;
import horde.stats.IntervalListener;
import horde.stats.Names;
import horde.stats.TargetSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One test from plan to result: pre-flight, setup, each phase (or the single run) with its own
 * statistics, criteria and grade, teardown, and the whole. The pieces of the pipeline meet here
 * and nowhere else.
 *
 * <pre>{@code
 * TestRun run = new TestRun(plan, EngineOptions.DEFAULTS, "examples/chat.yaml");
 * RunResult result = run.execute(progress -> System.out.println(progress));
 * }</pre>
 */
public final class TestRun {
  /** Seconds between progress reports. */
  public static final int PROGRESS_EVERY = 5;

  private static final Duration ONCE_LIMIT = Duration.ofMinutes(5);

  /** Hears about the run as it goes. */
  public interface Listener {
    void progress(Progress p);

    /** A phase begins (only for scenarios with phases). */
    void phase(int index, int count, Phase phase);

    /** A fatal error in one of Horde's threads stopped the test (what, and in which thread). */
    default void fatal(String what) {}

    /** The JIT warm-up begins: a few seconds before the first load, nothing sent to the target. */
    default void jitWarmUp() {}
  }

  /**
   * Where each phase's load runs: this machine's engine, unless the test is spread over a
   * cluster's workers ({@link #loadFrom}). Setup, teardown, criteria and the result stay here.
   */
  public interface PhaseLoad {
    /**
     * Runs one phase's load and returns its statistics, built by a {@link StatsCollector} with
     * these options and names, as a local run builds them.
     *
     * @param variables every user's variables to begin with (what setup saved)
     * @param target the target's metrics since the last call, to take once a second ({@code
     *     monitor:}); null when it is not watched
     * @param collecting told the collector once it exists, so the run's figures so far can be read
     *     and reset while it lasts (the live UI), as a local run's can
     */
    RunStats run(int phase, LoadProfile load, String[] variables, StatsCollector.Options options,
        Supplier<Names> names, Supplier<TargetSample> target,
        Consumer<StatsCollector> collecting)
        throws InterruptedException;

    /** Ends the phase running now early (Ctrl-C); safe from any thread. */
    void abort();
  }

  private final TestPlan plan;
  private final EngineOptions options;
  private final String scenarioFile;
  private final Map<String, Set<String>> taskEndpoints;
  /** Endpoints only setup and teardown use, as "METHOD name". */
  private final Set<String> onceOnly;
  private final List<IntervalListener> intervalListeners = new ArrayList<>();
  private final LoadControl control = new LoadControl();
  private final List<String> runNotes = Collections.synchronizedList(new ArrayList<>());
  private volatile Engine engine;
  /** Whether the open model's warm start was sent: once a test, the JVM stays warm. */
  private boolean warmed;
  /** Whether the JIT warm-up was considered: before the first run only. */
  private boolean jitWarmed;
  private volatile StatsCollector stats;
  private volatile String phaseName;
  private volatile boolean abortRequested;
  private PhaseLoad elsewhere;

  public TestRun(TestPlan plan, EngineOptions options, String scenarioFile) {
    this.plan = plan;
    this.options = options;
    this.scenarioFile = scenarioFile;
    this.taskEndpoints = taskEndpoints(plan);
    this.onceOnly = onceOnly(plan);
  }

  /** Adds a listener to every second of every phase (a live export); before {@link #execute}. */
  public TestRun listen(IntervalListener l) {
    intervalListeners.add(l);
    return this;
  }

  /** Steers the load while it runs: a new target with a ramp, pause and resume (the web UI). */
  public LoadControl control() {
    return control;
  }

  /**
   * The statistics of the current run (phase) start over from its next second, as after a
   * warm-up; the result notes it. Nothing before the load starts.
   */
  public void resetStats() {
    StatsCollector s = stats;
    if (s == null) return;
    s.resetMeasured();
    runNotes.add((phaseName == null ? "" : "phase " + phaseName + ": ") + "statistics reset after "
        + Math.round(s.soFar().runSeconds()) + "s; the figures are measured from the next second on");
  }

  /** The current run's (phase's) statistics up to its last whole second, or null before the load starts. */
  public RunStats soFar() {
    StatsCollector s = stats;
    return s == null ? null : s.soFar();
  }

  /** How the run is set up, as the result's settings will say (for findings on a live run). */
  public Map<String, Object> settings() {
    return RunSettings.of(plan, options);
  }

  /** Whether {@link #control} steers the load: not when a cluster's workers run it (they follow the scenario). */
  public boolean steerable() {
    return elsewhere == null;
  }

  /** Runs each phase's load there instead of on this machine's engine; before {@link #execute}. */
  public TestRun loadFrom(PhaseLoad load) {
    elsewhere = load;
    return this;
  }

  /** Checks that the target answers; throws before any load is sent. */
  public void preflight() throws UnreachableTargetException {
    Preflight.check(plan.target(), plan.scenario().preflight(), plan.scenario().http().insecure());
  }

  public RunResult execute(Consumer<Progress> progress) throws InterruptedException, SetupFailedException {
    return execute(new Listener() {
      public void progress(Progress p) {
        progress.accept(p);
      }

      public void phase(int index, int count, Phase phase) {}
    });
  }

  /**
   * Runs everything and returns the result; {@link #abort()} ends it early with what ran (before
   * setup or during it, nothing ran: a result without requests). A fatal error in one of the
   * generator's threads (out of memory...) ends it the same way, noted in the result.
   */
  public RunResult execute(Listener listener) throws InterruptedException, SetupFailedException {
    long epoch = System.currentTimeMillis();
    try (Generator generator = new Generator(plan, options); TargetWatch watch = TargetWatch.of(plan.scenario().monitor())) {
      FatalErrors fatal = generator.fatal();
      Generator.OnceResult setup = abortRequested ? null
          : generator.once(plan.setup(), plan.initialVariables(), ONCE_LIMIT, () -> abortRequested);
      boolean setUp = setup != null && !abortRequested && !fatal.happened();
      if (setUp && setup.failure() != null) throw new SetupFailedException(setup.failure());
      CapacitySearch search = plan.scenario().search() == null ? null
          : new CapacitySearch(plan.scenario().search(), plan.scenario().thresholds(), taskEndpoints);
      RunOrder order = search != null ? search : RunOrder.of(plan.scenario().runs());
      boolean phased = !plan.scenario().phases().isEmpty() || search != null;
      List<PhaseResult> phases = new ArrayList<>();
      double start = 0;
      for (Phase phase; setUp && !abortRequested && !fatal.happened() && (phase = order.next(phases)) != null; ) {
        if (phased) listener.phase(phases.size(), order.planned(), phase);
        phaseName = phased ? phase.name() : null;
        RunStats stats = run(generator, phases.size(), phase.load(), setup.variables(), listener, watch,
            order.watch(phase, this::stopPhase));
        phases.add(judge(phase, stats, start));
        start += stats.runSeconds();
      }
      List<String> notes = new ArrayList<>(runNotes);
      if (fatal.happened()) { // the phases' figures say they were stopped early; this says why
        listener.fatal(fatal.describe());
        notes.add("stopped by a fatal error in Horde: " + fatal.describe() + "; teardown not run");
      } else if (!setUp) {
        notes.add("stopped before setup was done: no load was sent, teardown not run");
      } else {
        boolean stoppedBefore = abortRequested; // then Ctrl-C again quits at once; else it stops the teardown
        Generator.OnceResult teardown = generator.once(plan.teardown(), setup.variables(), ONCE_LIMIT,
            () -> abortRequested && !stoppedBefore);
        if (teardown.failure() != null) notes.add("teardown failed: " + teardown.failure());
      }
      RunResult result = result(epoch, phased ? phases : List.of(), phases, notes, search);
      return watch == null ? result : result.toBuilder().target(watch.summary()).build();
    }
  }

  /** Ends the current phase early (a search step past the knee); the test goes on. */
  private void stopPhase() {
    Engine e = engine;
    if (e != null) e.abort();
  }

  /** Ends the run early (Ctrl-C); safe from any thread, also before the run has started. */
  public void abort() {
    abortRequested = true;
    Engine e = engine;
    if (e != null) e.abort();
    PhaseLoad l = elsewhere;
    if (l != null) l.abort();
  }

  /**
   * @param phase the phase's number, from 0 (a cluster's workers run it by its number)
   * @param watch the target's metrics, or null
   * @param phaseWatch hears this run's seconds and may end it early (a search step), or null
   */
  private RunStats run(Generator generator, int phase, LoadProfile load, String[] variables, Listener listener,
      TargetWatch watch, IntervalListener phaseWatch) throws InterruptedException {
    List<IntervalListener> listeners = new ArrayList<>(intervalListeners);
    if (phaseWatch != null) listeners.add(phaseWatch);
    StatsCollector.Options options = new StatsCollector.Options(load.warmup().toNanos() / 1e9, load.isOpen(),
        plan.tracked(), listener::progress, PROGRESS_EVERY, listeners, load.warmupRequests());
    RunStats all = elsewhere != null
        ? elsewhere.run(phase, load, variables, options, this::names, watch == null ? null : watch::take, s -> stats = s)
        : local(generator, load, variables, options, watch, phaseWatch, listener);
    // an endpoint that only setup or teardown use got nothing in the runs: it is no row of theirs
    return all.withEndpoints(all.endpoints().stream()
        .filter(ep -> ep.requests() > 0 || !onceOnly.contains(ep.method() + " " + ep.name())).toList());
  }

  private RunStats local(Generator generator, LoadProfile load, String[] variables, StatsCollector.Options options,
      TargetWatch watch, IntervalListener phaseWatch, Listener listener) throws InterruptedException {
    if (!jitWarmed && !abortRequested) jitWarmUp(generator, load, variables, listener);
    if (load.isOpen() && !warmed && !abortRequested) warmStart(generator, variables);
    Engine e = generator.engine(load, new Samples(plan.endpoints().size(), FailureReasons.CAPACITY), variables, control,
        Share.WHOLE);
    engine = e;
    StatsCollector stats = new StatsCollector(e.recorders(), generator.shape(), this::names, e.samples(),
        gauges(e, generator, watch), options).onError(generator.fatal());
    this.stats = stats;
    long epoch = System.currentTimeMillis();
    e.start();
    stats.start(e.startNanos(), epoch);
    if (abortRequested) e.abort();
    EngineReport report = e.await();
    // a step stopped past the knee ended as planned: only Ctrl-C or a fatal error makes a run "stopped early"
    boolean stoppedByWatch = phaseWatch instanceof StepWatch w && w.stopped() && !abortRequested && !generator.fatal().happened();
    return stats.finish(report.endNanos(), report.cancelledInFlight(), report.aborted() && !stoppedByWatch);
  }

  /**
   * The first run, when its load starts large: the scenario's users against a server in this
   * process first, so the JIT has compiled the request path; said in the result. Ctrl-C meanwhile
   * ends it after its round (half a second).
   */
  private void jitWarmUp(Generator generator, LoadProfile load, String[] variables, Listener listener)
      throws InterruptedException {
    jitWarmed = true;
    String not = JitWarmUp.wanted(options.jitWarmUp(), load, plan);
    if (not != null) {
      if (options.jitWarmUp() == JitWarmUp.When.ON) runNotes.add("no JIT warm-up: " + not);
      return;
    }
    listener.jitWarmUp();
    JitWarmUp.Done done = JitWarmUp.run(generator, load, options, variables, () -> abortRequested,
        round -> throwawayStatistics(round, generator, load));
    generator.health(); // the generator's health since the last call: the warm-up's CPU, not the run's
    runNotes.add(String.format(Locale.ROOT, "JIT warm-up: %,d requests of the scenario's users to a server in this"
        + " process over %.1f s before the load (%d rounds), none to the target, so its first seconds ran compiled"
        + " code (--jit-warm-up off leaves it out)", done.requests(), done.took().toMillis() / 1e3, done.rounds()));
  }

  /** For a JIT warm-up's round: what this run's statistics do with a second, on what the round recorded; nothing kept. */
  private Consumer<IntervalSnapshot> throwawayStatistics(Engine round, Generator generator, LoadProfile load) {
    StatsCollector stats = new StatsCollector(List.of(), generator.shape(), this::names, round.samples(),
        gauges(round, generator), new StatsCollector.Options(0, load.isOpen(), plan.tracked(), null, 0, List.of()));
    stats.startTaking(System.currentTimeMillis());
    int[] seconds = {0};
    return recorded -> stats.take(++seconds[0], recorded);
  }

  /** The open model's first run: a few uncounted arrivals first, so a cold JVM drops none; said in the result. */
  private void warmStart(Generator generator, String[] variables) throws InterruptedException {
    warmed = true;
    if (options.warmStart() > 0 && plan.uniqueFeeders().length > 0) {
      // a unique feeder's rows are one a user, for the measured run: the warm start's users would take some
      runNotes.add("no warm start: a feeder is read in unique order, and each of its rows is for one user of the"
          + " measured run (a warmup: leaves the cold start's seconds out of the figures)");
      return;
    }
    long sent = WarmStart.before(generator, options, variables);
    if (sent > 0) runNotes.add("warm start: " + sent + " request" + (sent == 1 ? "" : "s") + " of the scenario's own sent to the"
        + " target before the first arrival, to warm the generator, and not counted (--warm-start 0 turns it off)");
  }

  /** What the statistics read from a running engine besides its recorders (a cluster's worker reads the same). */
  public static Gauges gauges(Engine e, Generator generator) {
    return gauges(e, generator, null);
  }

  private static Gauges gauges(Engine e, Generator generator, TargetWatch watch) {
    return new Gauges() {
      public TargetSample target() {
        return watch == null ? null : watch.take();
      }

      public int users() {
        return e.users();
      }

      public int takePeakUsers() {
        return e.takePeakUsers();
      }

      public long droppedSoFar() {
        return e.droppedIterations();
      }

      public Health health() {
        return generator.health();
      }
    };
  }

  private Names names() {
    return names(plan);
  }

  /** The plan's endpoints and the failure reasons known so far, by id. */
  public static Names names(TestPlan plan) {
    List<Names.Endpoint> endpoints = plan.endpoints().stream().map(ep -> new Names.Endpoint(ep.name(), ep.method())).toList();
    List<Names.Reason> reasons = new ArrayList<>();
    for (int id = 0; id < plan.reasons().size(); id++) {
      FailureReasons.Reason r = plan.reasons().reason(id);
      reasons.add(r == null ? null : new Names.Reason(r.name(), r.kind()));
    }
    return new Names(endpoints, reasons, plan.measures());
  }

  private PhaseResult judge(Phase phase, RunStats stats, double start) {
    Map<String, Object> load = RunSettings.load(phase.load());
    List<CriterionResult> criteria = Criteria.evaluate(phase.thresholds(), stats, taskEndpoints, Settings.of(load));
    return new PhaseResult(phase.name(), load, start, stats, criteria,
        Grades.of(phase.grades(), stats, taskEndpoints), Verdict.of(criteria));
  }

  private RunResult result(long epoch, List<PhaseResult> phases, List<PhaseResult> runs, List<String> notes,
      CapacitySearch search) {
    if (runs.isEmpty()) return nothingRan(epoch, notes);
    if (search != null) return searched(epoch, runs, notes, search);
    RunStats all = Sequence.of(runs.stream().map(PhaseResult::stats).toList());
    List<CriterionResult> criteria = phases.isEmpty() ? runs.get(0).criteria()
        : Criteria.evaluate(plan.scenario().thresholds(), all, taskEndpoints);
    List<CriterionResult> every = new ArrayList<>(criteria);
    phases.forEach(p -> every.addAll(p.criteria()));
    Verdict verdict = Verdict.ofRun(every, all.total().failures());
    for (PhaseResult p : phases) verdict = verdict.compareTo(p.verdict()) >= 0 ? verdict : p.verdict();
    if (every.isEmpty() && all.total().failures() > 0) {
      notes.add(String.format(Locale.ROOT, "no criteria: %,d of %,d requests failed, so the run fails (as Locust"
          + " decides; give thresholds to judge it otherwise)", all.total().failures(), all.total().requests()));
    }
    String grade = phases.isEmpty() ? runs.get(0).grade() : Grades.of(plan.scenario().grades(), all, taskEndpoints);
    return measured(epoch, all).criteria(criteria).verdict(verdict).phases(phases).grade(grade).notes(notes).build();
  }

  /**
   * A capacity search: its steps are the phases; its criteria those of the knee's step (or of the
   * lowest step when none passed), and its verdict the search's — a step past the knee failing is
   * what a search looks for, not a failure of the run.
   */
  private RunResult searched(long epoch, List<PhaseResult> steps, List<String> notes, CapacitySearch search) {
    SearchSummary summary = search.summary(steps);
    RunStats all = Sequence.of(steps.stream().map(PhaseResult::stats).toList());
    PhaseResult shown = steps.get(0);
    for (int i = 0; i < steps.size(); i++) {
      if (summary.steps().get(i).level() == summary.knee()) shown = steps.get(i);
    }
    notes.add("capacity search: " + summary.conclusion());
    return measured(epoch, all).criteria(shown.criteria()).verdict(summary.verdict()).phases(steps).notes(notes)
        .search(summary).build();
  }

  private static Set<String> onceOnly(TestPlan plan) {
    Set<String> users = new HashSet<>();
    plan.users().forEach(u -> Stream.of(List.of(u.onStart(), u.onStop()), u.tasks().stream().map(t -> t.steps()).toList())
        .flatMap(List::stream).forEach(steps -> Steps.requests(steps)
            .forEach(r -> users.add(plan.endpoints().get(r.endpoint()).label()))));
    Set<String> out = new HashSet<>();
    Stream.of(plan.setup(), plan.teardown()).forEach(steps -> Steps.requests(steps)
        .forEach(r -> out.add(plan.endpoints().get(r.endpoint()).label())));
    out.removeAll(users);
    return out;
  }

  /** Stopped before any load: a result with no requests, marked stopped early, and no criteria judged. */
  private RunResult nothingRan(long epoch, List<String> notes) {
    RunStats none = new RunStats(epoch, 0, 0, 0, List.of(), EndpointStats.total(List.of()), List.of(), 0, true);
    return measured(epoch, none).notes(notes).build();
  }

  /**
   * What every result of this run starts from: what ran, where and when, measuring {@code stats},
   * and the findings on them, computed here as the run ends (a result file read back keeps its own).
   */
  private RunResult.Builder measured(long epoch, RunStats stats) {
    Map<String, Object> settings = RunSettings.of(plan, options);
    return RunResult.builder(stats).hordeVersion(Version.VALUE).scenario(RunSettings.scenario(plan, scenarioFile))
        .settings(settings).environment(RunSettings.environment()).startedAt(Instant.ofEpochMilli(epoch).toString())
        .findings(Findings.of(stats, settings));
  }

  /** Task name to the endpoint names its steps use, for thresholds that name a task. */
  public static Map<String, Set<String>> taskEndpoints(TestPlan plan) {
    Map<String, Set<String>> out = new HashMap<>();
    plan.users().forEach(u -> u.tasks().forEach(t -> Steps.requests(t.steps()).forEach(r ->
        out.computeIfAbsent(t.name(), k -> new LinkedHashSet<>()).add(plan.endpoints().get(r.endpoint()).name()))));
    return out;
  }
}
