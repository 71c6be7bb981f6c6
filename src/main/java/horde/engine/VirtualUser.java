package horde.engine;

import horde.feed.Feeder;
import horde.plan.FailureReasons;
import horde.plan.RequestPlan;
import horde.plan.StepPlan;
import horde.plan.TaskPlan;
import horde.plan.UserPlan;
import horde.protocol.http.ExchangeListener;
import horde.protocol.http.HttpExchange;
import horde.protocol.http.TransportError;
import horde.template.Scope;
import horde.template.UnsetValueException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URISyntaxException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.random.RandomGenerator;

/**
 * One simulated user: a small state object stepping through its plan on one event loop. Waits
 * are timers on that loop; there is no thread per user. Runs {@code on_start} (again after a
 * failure, at its next turn), then weighted tasks with its wait time between them, then {@code
 * on_stop} when told to stop.
 */
final class VirtualUser implements Scope, ExchangeListener {
  private enum Phase { START, TASKS, STOP, DONE }

  final long id;
  final UserPlan plan;
  final EventLoop loop;
  private final RunContext run;
  private final SplittableRandom random;
  private final String[] variables;
  private final String[][] rows;
  private final HttpExchange exchange;
  private final Response response = new Response();
  private final Outcomes outcomes;
  private final StringBuilder scratch = new StringBuilder();
  private final Runnable next = this::step;
  private final Runnable nextTask = this::nextTask;

  private Phase phase = Phase.START;
  private List<StepPlan> steps;
  private int stepIndex;
  private long iteration;
  private long taskStarted;
  private boolean stopAfterTask;
  private boolean ending;
  private boolean startFailed;
  private boolean sending;
  private boolean cancelled;
  private ScheduledFuture<?> timer;
  private boolean waitingForTask;
  private RequestPlan current;
  private long requestStarted;

  VirtualUser(long id, UserPlan plan, EventLoop loop, RunContext run) {
    this.id = id;
    this.plan = plan;
    this.loop = loop;
    this.run = run;
    this.random = new SplittableRandom(run.seed * 0x9E3779B97F4A7C15L + id);
    this.variables = run.plan.initialVariables().clone();
    this.rows = new String[run.plan.feeders().size()][];
    this.exchange = new HttpExchange(loop, this);
    this.outcomes = new Outcomes(run, response);
  }

  /** Begins the user's life; call on its loop. */
  void start() {
    for (int f : run.plan.uniqueFeeders()) {
      rows[f] = run.plan.feeders().get(f).next(random);
      if (rows[f] == null) {
        run.recorder.failure(0, FailureReasons.FEEDER_EXHAUSTED, -1, 0, 0);
        finish();
        return;
      }
    }
    beginStart();
  }

  /** Finish the current task, then run on_stop (ramp-down); at once when between tasks. */
  void stopAfterTask() {
    stopAfterTask = true;
    if (waitingForTask) stopWaiting();
  }

  /** The test is over: no new task or step; on_stop runs. */
  void end() {
    ending = true;
    if (timer != null && phase != Phase.STOP) stopWaiting();
  }

  private void stopWaiting() {
    timer.cancel(false);
    timer = null;
    waitingForTask = false;
    beginStop();
  }

  /** The grace period after the end is over: cut off what is in flight. */
  void cancel() {
    cancelled = true;
    if (timer != null) timer.cancel(false);
    if (exchange.inFlight()) exchange.cancel();
    finish();
  }

  private void schedule(Runnable what, long nanos, boolean betweenTasks) {
    waitingForTask = betweenTasks;
    timer = loop.schedule(what, nanos, TimeUnit.NANOSECONDS);
  }

  private void beginStart() {
    phase = Phase.START;
    startFailed = false;
    drawRows();
    run(plan.onStart());
  }

  private void nextTask() {
    timer = null;
    waitingForTask = false;
    if (phase == Phase.DONE || cancelled) return;
    if (ending || stopAfterTask) {
      beginStop();
      return;
    }
    if (startFailed) {
      beginStart();
      return;
    }
    TaskPlan task = plan.pickTask(random);
    iteration++;
    taskStarted = System.nanoTime();
    drawRows();
    phase = Phase.TASKS;
    run(task.steps());
  }

  private void beginStop() {
    phase = Phase.STOP;
    run(plan.onStop());
  }

  private void run(List<StepPlan> list) {
    steps = list;
    stepIndex = 0;
    step();
  }

  private void step() {
    timer = null;
    if (phase == Phase.DONE || cancelled) return;
    if (ending && phase != Phase.STOP) {
      beginStop();
      return;
    }
    if (stepIndex >= steps.size()) {
      stepsDone();
      return;
    }
    switch (steps.get(stepIndex++)) {
      case RequestPlan r -> send(r);
      case StepPlan.Think t -> schedule(next, WaitTimes.nanos(t.waitTime(), random, 0, 0), false);
    }
  }

  private void stepsDone() {
    switch (phase) {
      case START -> {
        if (!startFailed) phase = Phase.TASKS;
        afterTask();
      }
      case TASKS -> afterTask();
      case STOP, DONE -> finish();
    }
  }

  private void afterTask() {
    if (ending || stopAfterTask) {
      beginStop();
      return;
    }
    long wait = WaitTimes.nanos(plan.waitTime(), random, taskStarted, System.nanoTime());
    if (wait > 0) schedule(nextTask, wait, true);
    else loop.execute(nextTask);
  }

  private void finish() {
    if (phase == Phase.DONE) return;
    phase = Phase.DONE;
    exchange.release();
    run.population.userDone(this);
  }

  private void send(RequestPlan r) {
    if (!run.takeRequest()) {
      ending = true;
      finish();
      return;
    }
    current = r;
    try {
      run.renderer.render(r, this, exchange, scratch);
    } catch (UnsetValueException | URISyntaxException e) {
      outcomes.templateError(r, e.getMessage());
      current = null;
      loop.execute(next); // no recursion when every request of a loop fails at once
      return;
    }
    response.reset(r.needsBody() ? Response.MAX_BODY : 0);
    requestStarted = System.nanoTime();
    sending = true;
    run.client.execute(exchange);
    sending = false;
  }

  @Override
  public void onResponseHead(int status, HttpHeaders headers, long nanos) {
    response.status = status;
    response.headers = headers;
    if (!current.isSuccess(status)) response.keepAtMost(512);
  }

  @Override
  public void onContent(ByteBuf content, long nanos) {
    response.append(content);
  }

  @Override
  public void onComplete(long nanos, long bytesSent, long bytesReceived) {
    response.latencyNanos = nanos - requestStarted;
    boolean ok = outcomes.completed(current, bytesSent, bytesReceived, variables);
    if (!ok && phase == Phase.START) startFailed = true;
    continueAfterRequest();
  }

  @Override
  public void onFailure(TransportError error, Throwable cause, long nanos, long bytesSent, long bytesReceived) {
    outcomes.failed(current, error, cause, bytesSent, bytesReceived);
    if (phase == Phase.START) startFailed = true;
    continueAfterRequest();
  }

  private void continueAfterRequest() {
    current = null;
    if (sending) loop.execute(next);
    else step();
  }

  private void drawRows() {
    List<Feeder> feeders = run.plan.feeders();
    for (int f = 0; f < rows.length; f++) {
      if (feeders.get(f).order() != horde.scenario.FeederSpec.Order.UNIQUE) rows[f] = feeders.get(f).next(random);
    }
  }

  @Override
  public String variable(int slot) {
    return variables[slot];
  }

  @Override
  public String feederValue(int feeder, int column) {
    String[] row = rows[feeder];
    return row == null ? null : row[column];
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
  public RandomGenerator random() {
    return random;
  }
}
