package horde.engine;

import horde.plan.TestPlan;
import horde.plan.FailureReasons;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.scenario.LoadProfile;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Runs a test plan's load: event loops for the users, a control thread that moves the number of
 * users along the load shape, then the end — users stop, requests in flight get a grace period,
 * what is left is cut off and counted apart.
 *
 * <pre>{@code
 * try (Engine engine = new Engine(plan, EngineOptions.DEFAULTS)) {
 *   engine.start();
 *   EngineReport report = engine.await();
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  /**
   * The control thread's tick while the load holds still, and the waiting thread's: each wake-up of
   * either takes the core from a loop that may share it (100 a second each, 0.1 CPU-s of a 20 s
   * run). What needs a prompt answer wakes them instead: a command, an abort, the run's end.
   */
  private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final Duration ABORT_GRACE = Duration.ofSeconds(2);
  /** How long the loops get to cut off what is still in flight once the graceful stop is over. */
  private static final Duration CANCEL_LIMIT = Duration.ofSeconds(30);
  /** After a fatal error, how long the control thread gets to stop the run before it is reported cut short. */
  private static final Duration STOP_LIMIT = CANCEL_LIMIT.plusSeconds(5);

  private final TestPlan plan;
  private final LoadProfile load;
  private final EngineOptions options;
  private final Generator generator;
  private final boolean ownsGenerator;
  private final Population population;
  private final RunContext run;
  private final Samples samples;
  private final LoadShape shape;
  private final LoadControl loadControl;
  /** This engine's part of the load (a cluster worker's); the whole on a single machine. */
  private final Share share;
  private final CompletableFuture<EngineReport> done = new CompletableFuture<>();
  private volatile boolean aborted;
  private volatile long abortedAt;
  private volatile long startNanos;
  private volatile Thread control;

  /** A run of the scenario's own load on a generator of its own, closed with the engine. */
  public Engine(TestPlan plan, EngineOptions options) {
    this(plan, plan.scenario().load(), options, new Generator(plan, options),
        new Samples(plan.endpoints().size(), FailureReasons.CAPACITY), plan.initialVariables(), new LoadControl(),
        Share.WHOLE, true);
  }

  Engine(TestPlan plan, LoadProfile load, EngineOptions options, Generator generator, Samples samples,
      String[] variables, LoadControl control, Share share) {
    this(plan, load, options, generator, samples, variables, control, share, false);
  }

  private Engine(TestPlan plan, LoadProfile load, EngineOptions options, Generator generator, Samples samples,
      String[] variables, LoadControl control, Share share, boolean ownsGenerator) {
    this.plan = plan;
    this.load = load;
    this.options = options;
    this.generator = generator;
    this.ownsGenerator = ownsGenerator;
    this.loadControl = control;
    this.samples = samples;
    this.share = share;
    this.population = new Population(plan.users(), generator.loops(), share);
    long budget = load instanceof LoadProfile.FixedCount f ? share.requests(f) : Long.MAX_VALUE;
    this.run = generator.context(generator.recorders(samples), budget, population, variables);
    population.attach(run);
    this.shape = load.isOpen() ? null : share.shape(load);
  }

  /** What steers this run from outside. */
  public LoadControl loadControl() {
    return loadControl;
  }

  /** Each event loop's recorder, for the statistics to take their snapshots from. */
  public List<LoopRecorder> recorders() {
    return run.recorders();
  }

  /** The first message of each failure reason at each endpoint. */
  public Samples samples() {
    return samples;
  }

  /** What was recorded since the last call (or the start), every loop's added up. */
  public IntervalSnapshot recorded() {
    IntervalSnapshot out = generator.shape();
    run.recorders().forEach(r -> r.drainInto(out));
    return out;
  }

  /** Starts the load now; returns at once. */
  public void start() {
    startNanos = System.nanoTime();
    Thread c = new Thread(this::control, "horde-control");
    c.setDaemon(true);
    c.setUncaughtExceptionHandler(generator.fatal());
    control = c;
    c.start();
  }

  public long startNanos() {
    return startNanos;
  }

  /**
   * Users at work now: in the closed model those alive (running, or finishing their task while
   * ramping down); in the open model those inside an iteration.
   */
  public int users() {
    return shape == null ? population.active() : population.alive();
  }

  /** The most users at work at any moment since the last call (as {@link #users()} counts them). */
  public int takePeakUsers() {
    return shape == null ? population.takePeakActive() : population.takePeakAlive();
  }

  /** Open model: arrivals so far that found no free user. */
  public long droppedIterations() {
    return population.dropped();
  }

  /** Ends the run early: users stop, in-flight requests get a short grace (also when the run was already ending). */
  public void abort() {
    if (!aborted) abortedAt = System.nanoTime();
    aborted = true;
    Thread c = control;
    if (c != null) LockSupport.unpark(c);
  }

  public boolean aborted() {
    return aborted;
  }

  /** Whether the run has ended: {@link #await()} returns at once. */
  public boolean finished() {
    return done.isDone();
  }

  /**
   * Waits for the end of the run. After a fatal error (see {@link Generator#fatal()}) it waits only
   * as long as stopping may take: when the control thread cannot finish (the error hit it too), the
   * run is reported as cut short at the error, with what was counted by then.
   */
  public EngineReport await() throws InterruptedException {
    FatalErrors fatal = generator.fatal();
    Thread waiting = Thread.currentThread();
    done.whenComplete((report, error) -> LockSupport.unpark(waiting));
    while (!done.isDone()) { // a poll that allocates nothing: the heap may be what is failing
      Thread c = control;
      if (!fatal.happened() && c != null && !c.isAlive() && !done.isDone()) fatal.diedUnnoted(c);
      if (fatal.happened()) {
        if (c == null || !c.isAlive() || System.nanoTime() - fatal.atNanos() > STOP_LIMIT.toNanos()) return cutShort();
      }
      LockSupport.parkNanos(fatal.happened() ? TICK_NANOS : QUIET_NANOS);
      if (Thread.interrupted()) throw new InterruptedException();
    }
    try {
      return done.get();
    } catch (ExecutionException e) {
      if (fatal.happened()) return cutShort();
      throw new IllegalStateException("the engine failed", e.getCause());
    }
  }

  private EngineReport cutShort() {
    return new EngineReport(startNanos, generator.fatal().atNanos(), run.cancelledInFlight.get(), true);
  }

  private void control() {
    FatalErrors fatal = generator.fatal();
    try {
      switch (load) {
        case LoadProfile.Open open -> arrivals(ArrivalSchedule.of(open, options.seed()).only(share), open.total(),
            open.maxUsers(), open.arrivals() == LoadProfile.Open.Arrivals.POISSON);
        case LoadProfile.RateShape rate -> arrivals(ArrivalSchedule.of(rate).only(share), rate.duration(), rate.maxUsers(),
            false);
        default -> shape();
      }
    } catch (Throwable e) {
      fatal.report(e);
      if (!fatal.happened()) { // a bug, not an error of the machine (nor a loop that died of one)
        done.completeExceptionally(e);
        return;
      }
      aborted = true;
    }
    try {
      done.complete(finish());
    } catch (Throwable e) {
      fatal.report(e);
      done.completeExceptionally(e);
    }
  }

  /** Whether the run must end now: aborted, or a fatal error in one of the generator's threads. */
  private boolean stopping() {
    if (generator.fatal().happened()) aborted = true;
    return aborted;
  }

  /**
   * Open model: hands out each arrival a tick ahead, so users start it on time on their loop. The
   * schedule runs on the shape's clock (which a pause stops); while paused, or once steered, the
   * arrivals follow the rate of the moment instead.
   */
  private void arrivals(ArrivalSchedule schedule, Duration length, int maxUsers, boolean poisson) {
    SplittableRandom classes = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    Steering steering = new Steering(loadControl);
    RateFollower follower = new RateFollower(poisson ? new SplittableRandom(options.seed() ^ 0x3C6EF372L) : null);
    LongConsumer arrive = intended -> population.arrive(intended, maxUsers, classes);
    long duration = length.toNanos();
    long due = schedule.next();
    long next = startNanos;
    while (!stopping()) {
      long t = System.nanoTime() - startNanos;
      long s = steering.shapeNanos(t);
      if (s >= duration) break;
      double rate = steering.value(s, schedule.rateAt(s));
      if (steering.paused() || steering.steered()) {
        follower.advance(startNanos + t, TICK_NANOS, rate, arrive);
      } else {
        long shift = startNanos + steering.pausedNanos(); // the schedule's offsets are on the shape's clock
        while (due >= 0 && due < s + TICK_NANOS && due < duration) {
          population.arrive(shift + due, maxUsers, classes);
          due = schedule.next();
        }
      }
      next += TICK_NANOS;
      LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
    }
  }

  /** Closed model and fixed count: moves the number of users along the shape, or as steered. */
  private void shape() {
    boolean fixed = load instanceof LoadProfile.FixedCount;
    Steering steering = new Steering(loadControl);
    long next = startNanos;
    while (!stopping()) {
      long now = System.nanoTime(), t = now - startNanos;
      next = Math.min(next, now); // woken early (a command): the ticks go on from here
      long s = steering.shapeNanos(t);
      long left = shape.durationNanos() - s;
      if (left <= 0) break;
      population.adjust((int) Math.round(steering.value(s, shape.usersAt(s))));
      if (fixed && population.alive() == 0 && t > TICK_NANOS) break;
      next += !fixed && steering.holds(shape.usersAt(s + QUIET_NANOS)) ? QUIET_NANOS : TICK_NANOS;
      LockSupport.parkNanos(Math.max(0, Math.min(next - System.nanoTime(), left)));
    }
  }

  private EngineReport finish() {
    run.ending = true; // before the users' end tasks, which a loop far behind reaches late
    population.endAll();
    Duration grace = aborted && ABORT_GRACE.compareTo(options.gracefulStop()) < 0 ? ABORT_GRACE : options.gracefulStop();
    if (generator.fatal().happened()) grace = Duration.ZERO; // the heap may be gone: cut off at once
    waitForUsers(System.nanoTime() + grace.toNanos());
    long end = System.nanoTime();
    if (population.alive() > 0) acknowledged(population.cancelAll(), System.nanoTime() + CANCEL_LIMIT.toNanos());
    if (ownsGenerator) generator.client().closeAll();
    if (generator.fatal().happened()) aborted = true; // also when it struck in the graceful stop
    return new EngineReport(startNanos, end, run.cancelledInFlight.get(), aborted);
  }

  /**
   * Waits for every loop to report its users cut off, so that what they sent is counted (or in
   * flight at the end) before the report is read: a busy loop may take a while to get there, and a
   * fixed sleep would lose what it had not yet processed. Bounded, in case a loop is stuck.
   */
  private static void acknowledged(List<Future<?>> acks, long deadline) {
    for (Future<?> ack : acks) {
      try {
        ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        return; // a stuck or failed loop: the fatal-error path reports it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Until every user is done or {@code deadline}; an abort meanwhile (Ctrl-C in the drain) brings it to the short grace. */
  private void waitForUsers(long deadline) {
    while (population.alive() > 0 && !generator.fatal().happened()) {
      long now = System.nanoTime();
      if (now - deadline >= 0 || abortedAt != 0 && now - (abortedAt + ABORT_GRACE.toNanos()) >= 0) return;
      LockSupport.parkNanos(TICK_NANOS);
    }
  }

  @Override
  public void close() {
    if (ownsGenerator) generator.close();
  }
}
