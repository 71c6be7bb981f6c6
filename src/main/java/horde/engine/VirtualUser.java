package horde.engine;

import horde.plan.FailureReasons;
import horde.plan.TaskPlan;
import horde.plan.UserPlan;
import horde.record.LoopRecorder;
import horde.scenario.WaitTime;
import horde.template.Scope;
import io.netty.channel.EventLoop;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One simulated user's life, on one event loop (no thread per user): on_start (again after a
 * failure, at its next turn), tasks, then on_stop when told to stop, then done. Its {@link
 * StepRunner} works through the steps; protocol state lives in {@link UserResource}s it owns; what
 * happens between tasks is its {@link Pacing}. Waits are timers on its loop.
 */
final class VirtualUser extends LoopTask implements Scope {
  private enum Life { ON_START, TASKS, ON_STOP, DONE }

  final long id;
  final UserPlan plan;
  final EventLoop loop;
  final String[] variables;
  final RunContext run;
  final LoopRecorder recorder;
  final Pacing pacing;
  final SplittableRandom random;
  final StepRunner steps;
  private final Rows rows;
  // Object[], not UserResource[]: into a typed array C2 compiles the store's type check for the kinds of
  // resource it saw stored while profiling, and the first other kind undid that, recompiling
  // StepRunner.start on the shared core in a run's first seconds (-Xlog:deoptimization: array_check).
  private Object[] resources = new Object[ResourceKey.count()];
  private final Wait wait;

  private Life life = Life.ON_START;
  private long iteration;
  private long taskStarted;
  /** When the open model's current iteration was due; 0 once its first request took it, and between iterations. */
  long intendedStart;
  private long failures;
  private int lastFailure;
  /** Ramp-down: on_stop runs once the current task is over (at once when between tasks). */
  private boolean stopAfterTask;
  /** The test is over: no new task or step; on_stop runs. */
  private boolean ending;
  /** The grace period is over and what was in flight was cut off: the user does nothing more. */
  private boolean cancelled;
  /** A request of on_start failed: on_start runs again at the user's next turn. */
  private boolean startFailed;

  VirtualUser(long id, UserPlan plan, EventLoop loop, RunContext run, Pacing pacing) {
    this.id = id;
    this.plan = plan;
    this.loop = loop;
    this.run = run;
    this.pacing = pacing;
    this.random = new SplittableRandom(run.seed * 0x9E3779B97F4A7C15L + id);
    this.variables = run.initialVariables.clone();
    this.rows = new Rows(run.plan.feeders(), run.plan.uniqueFeeders());
    this.recorder = run.recorder(loop);
    this.steps = new StepRunner(this);
    this.wait = new Wait(this);
  }

  /** As a task of its loop, the user begins its next task (see {@link #nextTask}). */
  @Override
  void runTask() {
    nextTask();
  }

  @Override
  FatalErrors fatalErrors() {
    return run.fatal;
  }

  /**
   * {@code action} as a task for the user's loop that reports an {@link Error} it throws (out of
   * memory...) as fatal: Netty would log it and go on, with this user stuck half-way.
   */
  Runnable guard(Runnable action) {
    return () -> {
      try {
        action.run();
      } catch (Error e) {
        run.fatal.report(e);
        throw e;
      }
    };
  }

  /** The user's resource of this kind, made on first use. */
  @SuppressWarnings("unchecked")
  <T extends UserResource> T resource(ResourceKey<T> key) {
    UserResource r = key.id < resources.length ? (UserResource) resources[key.id] : null;
    if (r == null) {
      r = key.make(this); // may take another resource first (a session takes the user's cookies), growing the array
      if (key.id >= resources.length) resources = Arrays.copyOf(resources, ResourceKey.count());
      resources[key.id] = r;
    }
    return (T) r;
  }

  /** Whether the user holds a resource of this kind now. */
  boolean holds(ResourceKey<?> key) {
    return key.id < resources.length && resources[key.id] != null;
  }

  /** A resource lent only while in use went back to its loop: the user holds it no more. */
  void returned(ResourceKey<?> key) {
    resources[key.id] = null;
  }

  /** Begins the user's life (closed model and setup); call on its loop. */
  void start() {
    if (!pacing.claimsRows() || claimUniqueRows()) beginStart();
  }

  /** Open model: run one iteration now, timed from {@code intended} ({@link RunContext#clock} nanos). */
  void arrive(long intended) {
    if (over() || cancelled || life == Life.ON_STOP || life == Life.DONE) {
      run.population.skipped(); // the test ended between hand-out and start
      return;
    }
    if (iteration == 0 && !claimUniqueRows()) return;
    iteration++;
    intendedStart = intended;
    if (life == Life.ON_START) beginStart();
    else nextTask();
  }

  private boolean claimUniqueRows() {
    if (rows.claimUnique(random)) return true;
    recorder.request(0, 0, FailureReasons.FEEDER_EXHAUSTED, -1, 0, 0);
    finish();
    return false;
  }

  /** Finish the current task, then run on_stop (ramp-down); at once when between tasks. */
  void stopAfterTask() {
    stopAfterTask = true;
    if (wait.beforeTask()) stopWaiting();
  }

  /** The test is over: no new task or step; on_stop runs (at once when the user is waiting or idle). */
  void end() {
    ending = true;
    if (life == Life.ON_STOP || life == Life.DONE) return;
    if (wait.pending()) stopWaiting();
    else if (pacing.idlesBetweenTasks() && !steps.waiting()) beginStop();
  }

  /** The test is over: told so, or the run's end was set before this user's loop got to {@link #end}. */
  private boolean over() {
    return ending || run.ending;
  }

  private void stopWaiting() {
    wait.cancel();
    beginStop();
  }

  /** The grace period after the end is over: cut off what is in flight. */
  void cancel() {
    cancelled = true;
    wait.cancel();
    for (Object r : resources) if (r != null) ((UserResource) r).cancel();
    finish();
  }

  /** Waits {@code nanos} on the loop, then runs {@code then}; {@link #end} may cut the wait short. */
  void sleep(long nanos, Runnable then) {
    wait.start(nanos, then, false);
  }

  /**
   * Whether the user's steps may go on; when the test ended outside on_stop, on_stop begins
   * instead (and this says no).
   */
  boolean mayGoOn() {
    if (life == Life.DONE || cancelled) return false;
    if (over() && life != Life.ON_STOP) {
      beginStop();
      return false;
    }
    return true;
  }

  private void beginStart() {
    life = Life.ON_START;
    startFailed = false;
    for (Object r : resources) if (r != null) ((UserResource) r).restart();
    rows.draw(random);
    steps.begin(plan.onStart());
  }

  /** Closed model: on_start went well; the first task follows at once, as in Locust (the wait follows each task). */
  void firstTaskSoon() {
    life = Life.TASKS;
    loop.execute(this);
  }

  void nextTask() {
    if (life == Life.DONE || cancelled) return;
    if (over() || stopAfterTask) {
      beginStop();
      return;
    }
    if (startFailed) {
      beginStart();
      return;
    }
    TaskPlan task = plan.pickTask(random);
    if (pacing.taskIsIteration()) iteration++;
    // only pacing reads the clock here: two reads of a GET's four, about 1 % of the loop's time (perf)
    if (WaitTimes.readsClock(plan.waitTime())) taskStarted = run.clock.nanoTime();
    rows.draw(random);
    for (Object r : resources) if (r != null) ((UserResource) r).nextIteration();
    life = Life.TASKS;
    steps.begin(task.steps());
  }

  private void beginStop() {
    life = Life.ON_STOP;
    steps.begin(plan.onStop());
  }

  /** The current step list is done. */
  void stepsDone() {
    switch (life) {
      case ON_START -> pacing.startDone(this, startFailed);
      case TASKS -> afterTask();
      case ON_STOP, DONE -> finish();
    }
  }

  /** A task is over, or on_start failed. */
  void afterTask() {
    if (over() || stopAfterTask) beginStop();
    else pacing.taskDone(this);
  }

  /** Closed model: the user's wait, then the next task. */
  void waitThenNextTask() {
    WaitTime rule = plan.waitTime();
    long nanos = WaitTimes.nanos(rule, random, taskStarted, WaitTimes.readsClock(rule) ? run.clock.nanoTime() : 0);
    if (nanos > 0) {
      wait.start(nanos, this, true);
    } else if (steps.waitedInList()) {
      nextTask(); // called back by I/O or a timer: the stack is short
    } else {
      loop.execute(this); // a task that never waited must not recurse into the next one
    }
  }

  /** Open model: the iteration is over; the user waits in the population for the next arrival. */
  void idle() {
    intendedStart = 0;
    run.population.idle(this);
  }

  /**
   * Takes a request from a fixed count, which counts the tasks' requests only: on_start and on_stop
   * come on top. False when none may go: after a fatal error the user ends at once (the heap may be
   * gone); when the count is spent it does its on_stop, from a fresh stack, and leaves.
   */
  boolean takeRequest() {
    return mayRequest(true);
  }

  /** Whether a request may still go, taking none (a message sent before the await that counts). */
  boolean requestsLeft() {
    return mayRequest(false);
  }

  private boolean mayRequest(boolean take) {
    if (run.fatal.happened()) {
      endNow();
      return false;
    }
    if (life != Life.TASKS || (take ? run.takeRequest() : run.requestsLeft())) return true;
    ending = true; // the next step runs on_stop instead (mayGoOn)
    loop.execute(steps.resume);
    return false;
  }

  /** No more requests (a fatal error): the user ends now. */
  void endNow() {
    ending = true;
    finish();
  }

  void finish() {
    if (life == Life.DONE) return;
    life = Life.DONE;
    steps.clear();
    for (Object r : resources) if (r != null) ((UserResource) r).close();
    run.population.userDone(this);
  }

  /** @param reason the failure reason of an outcome, or -1 for a success */
  void failed(int reason) {
    if (reason < 0) return;
    failures++;
    lastFailure = reason;
    if (life == Life.ON_START) startFailed = true;
  }

  /** Whether the user's life is over. */
  boolean done() {
    return life == Life.DONE;
  }

  long failures() {
    return failures;
  }

  int lastFailure() {
    return lastFailure;
  }

  /** The user holds this row of a feeder (a loop over its rows). */
  void holdRow(int feeder, String[] row) {
    rows.hold(feeder, row);
  }

  @Override
  public String variable(int slot) {
    return variables[slot];
  }

  @Override
  public String feederValue(int feeder, int column) {
    return rows.value(feeder, column);
  }

  @Override
  public long userId() {
    return id;
  }

  @Override
  public long iteration() {
    return iteration;
  }

  @Override
  public String cookie(String name) {
    return resource(UserCookies.KEY).value(name);
  }

  @Override
  public RandomGenerator random() {
    return random;
  }
}
