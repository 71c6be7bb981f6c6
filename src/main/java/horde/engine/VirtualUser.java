package horde.engine;

import horde.feed.Feeder;
import horde.plan.FailureReasons;
import horde.plan.RequestPlan;
import horde.plan.StepPlan;
import horde.plan.TaskPlan;
import horde.plan.UserPlan;
import horde.protocol.http.ExchangeListener;
import horde.protocol.http.HttpExchange;
import horde.protocol.http.ResponseHead;
import horde.protocol.http.TransportError;
import horde.record.LoopRecorder;
import horde.scenario.Measures;
import horde.scenario.FeederSpec;
import horde.template.Scope;
import horde.template.UnsetValueException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URISyntaxException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * One simulated user: a small state object stepping through its plan on one event loop. Waits
 * are timers on that loop; there is no thread per user. Runs {@code on_start} (again after a
 * failure, at its next turn), then tasks, then {@code on_stop} when told to stop. In the closed
 * model it repeats weighted tasks with its wait time between them; in the open model it runs one
 * task per arrival it is handed, timed from the arrival's intended start; as the setup user it runs
 * its steps once.
 */
final class VirtualUser implements Scope, ExchangeListener {
  enum Mode { CLOSED, OPEN, ONCE }

  private enum Phase { START, TASKS, STOP, DONE }

  final long id;
  final UserPlan plan;
  final EventLoop loop;
  final String[] variables;
  private final RunContext run;
  private final LoopRecorder recorder;
  private final Mode mode;
  private final SplittableRandom random;
  private final String[][] rows;
  private final HttpExchange exchange;
  private final Response response = new Response();
  private final Outcomes outcomes;
  private final Frames frames = new Frames();
  private final StringBuilder scratch = new StringBuilder();
  private final Runnable next = guard(this::step);
  private final Runnable nextTask = guard(this::nextTask);
  private final Runnable repoll = guard(this::repoll);
  private final Runnable stallCheck = guard(this::stallCheck);
  private final LlmAnswer llm;
  /** The current response's body must be kept whole (checks, saves, a poll): past the limit it fails. */
  private boolean keepingBody;
  /** The current response is an LLM answer to read: its request tracks one, and it is a 2xx. */
  private boolean answering;
  private ScheduledFuture<?> stallTimer;

  private Phase phase = Phase.START;
  private long iteration;
  private long taskStarted;
  private long intendedStart;
  private long failures;
  private int lastFailure;
  private boolean stopAfterTask;
  private boolean ending;
  private boolean startFailed;
  private boolean sending;
  private boolean cancelled;
  private boolean waitingForTask;
  private ScheduledFuture<?> timer;
  private RequestPlan current;
  private StepPlan.Poll polling;
  private long pollDeadline;
  private long requestStarted;
  private long requestIntended;
  private int sentThisTask;

  VirtualUser(long id, UserPlan plan, EventLoop loop, RunContext run, Mode mode) {
    this.id = id;
    this.plan = plan;
    this.loop = loop;
    this.run = run;
    this.mode = mode;
    this.random = new SplittableRandom(run.seed * 0x9E3779B97F4A7C15L + id);
    this.variables = run.initialVariables.clone();
    this.rows = new String[run.plan.feeders().size()][];
    this.exchange = new HttpExchange(loop, this);
    this.recorder = run.recorder(loop);
    this.outcomes = new Outcomes(run, recorder, response);
    this.llm = run.plan.tracksLlm() ? new LlmAnswer(recorder, run.plan.tokenizer()) : null;
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

  /** Begins the user's life (closed model and setup); call on its loop. */
  void start() {
    if (mode == Mode.ONCE || claimUniqueRows()) beginStart(); // setup and teardown take no user's row
  }

  /** Open model: run one task now, timed from {@code intended} ({@link System#nanoTime()}). */
  void arrive(long intended) {
    if (ending || cancelled || phase == Phase.STOP || phase == Phase.DONE) {
      run.population.skipped(); // the test ended between hand-out and start
      return;
    }
    intendedStart = intended;
    if (phase == Phase.START) {
      if (iteration == 0 && !claimUniqueRows()) return;
      iteration++;
      beginStart();
    } else {
      nextTask();
    }
  }

  private boolean claimUniqueRows() {
    for (int f : run.plan.uniqueFeeders()) {
      rows[f] = run.plan.feeders().get(f).next(random);
      if (rows[f] == null) {
        recorder.request(0, 0, FailureReasons.FEEDER_EXHAUSTED, -1, 0, 0);
        finish();
        return false;
      }
    }
    return true;
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
    else if (mode == Mode.OPEN && current == null && timer == null && phase != Phase.DONE && phase != Phase.STOP) beginStop();
  }

  private void stopWaiting() {
    timer.cancel(false);
    timer = null;
    waitingForTask = false;
    polling = null;
    beginStop();
  }

  /** The grace period after the end is over: cut off what is in flight. */
  void cancel() {
    cancelled = true;
    if (timer != null) timer.cancel(false);
    if (exchange.inFlight()) exchange.cancel();
    finish();
    response.reset(0); // a body held for a check goes now: the heap may be what ended the run
  }

  private void schedule(Runnable what, long nanos, boolean betweenTasks) {
    waitingForTask = betweenTasks;
    timer = loop.schedule(what, nanos, TimeUnit.NANOSECONDS);
  }

  private void beginStart() {
    phase = Phase.START;
    startFailed = false;
    drawRows();
    frames.reset(plan.onStart());
    step();
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
    if (mode != Mode.OPEN) iteration++;
    taskStarted = System.nanoTime();
    sentThisTask = 0;
    drawRows();
    phase = Phase.TASKS;
    frames.reset(task.steps());
    step();
  }

  private void beginStop() {
    phase = Phase.STOP;
    polling = null;
    frames.reset(plan.onStop());
    step();
  }

  private void step() {
    timer = null;
    if (phase == Phase.DONE || cancelled) return;
    if (ending && phase != Phase.STOP) {
      beginStop();
      return;
    }
    while (true) {
      Frames.Frame f = frames.top();
      if (f == null) {
        stepsDone();
        return;
      }
      if (f.index >= f.steps.size()) {
        if (!leave(f)) continue;
        stepsDone();
        return;
      }
      StepPlan s = f.steps.get(f.index++);
      switch (s) {
        case RequestPlan r -> {
          send(r);
          return;
        }
        case StepPlan.Think t -> {
          schedule(next, WaitTimes.nanos(t.waitTime(), random, 0, 0), false);
          return;
        }
        case StepPlan.Poll p -> {
          polling = p;
          pollDeadline = System.nanoTime() + p.timeoutNanos();
          send(p.request());
          return;
        }
        case StepPlan.Group g -> frames.push(g.steps(), g, intendedStart != 0 ? intendedStart : System.nanoTime(), failures);
        case StepPlan.Loop l -> enterLoop(l);
        case StepPlan.Branch b -> frames.push(b.condition().holds(variables[b.slot()]) ? b.then() : b.otherwise(), null, 0, 0);
      }
    }
  }

  private void enterLoop(StepPlan.Loop l) {
    int rounds = l.feeder() >= 0 ? run.plan.feeders().get(l.feeder()).data().rows().size() : l.times();
    if (rounds <= 0) return;
    frames.push(l.steps(), l, 0, 0);
    if (l.feeder() >= 0) rows[l.feeder()] = run.plan.feeders().get(l.feeder()).data().rows().get(0);
  }

  /** Finishes a frame; returns true when it was the bottom one (the step list is done). */
  private boolean leave(Frames.Frame f) {
    if (f.owner instanceof StepPlan.Loop l) {
      int rounds = l.feeder() >= 0 ? run.plan.feeders().get(l.feeder()).data().rows().size() : l.times();
      if (++f.round < rounds) {
        f.index = 0;
        if (l.feeder() >= 0) rows[l.feeder()] = run.plan.feeders().get(l.feeder()).data().rows().get(f.round);
        return false;
      }
    } else if (f.owner instanceof StepPlan.Group g) {
      long took = System.nanoTime() - f.started;
      recorder.request(g.metric(), 0, failures > f.failuresAtStart ? lastFailure : -1, took, 0, 0);
    }
    frames.pop();
    return frames.isEmpty();
  }

  private void stepsDone() {
    switch (phase) {
      case START -> {
        if (mode == Mode.ONCE) finish();
        else if (startFailed) afterTask();
        else {
          phase = Phase.TASKS;
          if (mode == Mode.OPEN) nextTask();
          else loop.execute(nextTask); // the first task at once, as in Locust: the wait follows each task
        }
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
    if (mode == Mode.OPEN) {
      intendedStart = 0;
      run.population.idle(this);
      return;
    }
    long wait = WaitTimes.nanos(plan.waitTime(), random, taskStarted, System.nanoTime());
    if (wait > 0) schedule(nextTask, wait, true);
    else if (sentThisTask > 0 && !sending) nextTask(); // called back by I/O: the stack is shallow
    else loop.execute(nextTask); // a task that sent nothing must not recurse into the next one
  }

  private void finish() {
    if (phase == Phase.DONE) return;
    phase = Phase.DONE;
    frames.clear();
    stopStallCheck();
    exchange.release();
    run.population.userDone(this);
  }

  private void send(RequestPlan r) {
    if (run.fatal.happened()) { // after a fatal error, no new request: the heap may be gone
      ending = true;
      finish();
      return;
    }
    if (phase == Phase.TASKS && !run.takeRequest()) { // a fixed count counts the tasks' requests only
      ending = true;
      beginStop();
      return;
    }
    current = r;
    sentThisTask++;
    try {
      run.renderer.render(r, this, exchange, scratch);
    } catch (UnsetValueException | URISyntaxException e) {
      noteFailure(outcomes.notSent(r, e));
      current = null;
      polling = null;
      loop.execute(next); // no recursion when every request of a loop fails at once
      return;
    }
    keepingBody = r.needsBody() || polling != null;
    response.reset(keepingBody ? run.maxBody : 0);
    requestStarted = System.nanoTime();
    requestIntended = intendedStart != 0 ? intendedStart : requestStarted;
    intendedStart = 0; // only the iteration's first request can be late
    if (r.llm() != null) llm.begin(r.llm(), r.endpoint(), requestIntended);
    answering = false;
    sending = true;
    run.client.execute(exchange);
    sending = false;
  }

  @Override
  public void onResponseHead(int status, ResponseHead headers, long nanos) {
    response.status = status;
    response.headers = headers;
    if (!current.isSuccess(status)) {
      response.keepAtMost(512);
      keepingBody = polling != null; // only for the sample: its checks will not be read (a poll's will)
    }
    if (keepingBody && headers.contentLength() > run.maxBody) {
      exchange.abort(TransportError.BODY_TOO_LARGE, new BodyTooLargeException(run.maxBody)); // said up front: read none of it
      return;
    }
    // A refusal (a 429 declared in expect_status, say) is no answer: not timed, counted or judged.
    answering = current.llm() != null && status >= 200 && status < 300;
    if (answering) {
      llm.head(nanos);
      if (llm.streaming()) armStallCheck(current.llm().stream().idleTimeout().toNanos());
    }
  }

  @Override
  public void onContent(ByteBuf content, long nanos) {
    if (keepingBody && run.fatal.happened()) { // out of memory, likely: let go of the body now, not at the cut-off
      exchange.cancel();
      return;
    }
    if (!response.append(content) && keepingBody) {
      exchange.abort(TransportError.BODY_TOO_LARGE, new BodyTooLargeException(run.maxBody));
      return;
    }
    if (answering) llm.content(content, nanos);
  }

  private void armStallCheck(long nanos) {
    stallTimer = loop.schedule(stallCheck, nanos, TimeUnit.NANOSECONDS);
  }

  /** A stream that stays silent past its idle timeout is given up as stalled. */
  private void stallCheck() {
    stallTimer = null;
    if (current == null || current.llm() == null || !exchange.inFlight()) return;
    long idle = current.llm().stream().idleTimeout().toNanos();
    long silent = System.nanoTime() - llm.lastEvent;
    if (silent >= idle) exchange.abort(TransportError.STREAM_STALLED);
    else armStallCheck(idle - silent);
  }

  private void stopStallCheck() {
    if (stallTimer != null) {
      stallTimer.cancel(false);
      stallTimer = null;
    }
  }

  @Override
  public void onComplete(long nanos, long bytesSent, long bytesReceived) {
    response.latencyNanos = nanos - requestIntended;
    stopStallCheck();
    if (mode == Mode.OPEN) recorder.time(Measures.UNCORRECTED, current.endpoint(), nanos - requestStarted);
    if (polling != null && !pollDone(nanos, bytesSent, bytesReceived)) return;
    int streamFailure = answering && current.isSuccess(response.status)
        ? llm.finish(response, response.latencyNanos, exchange.body) : -1;
    noteFailure(outcomes.completed(current, bytesSent, bytesReceived, variables, streamFailure));
    continueAfterRequest();
  }

  /** Records a poll attempt; false when another attempt follows (it is scheduled). */
  private boolean pollDone(long now, long sent, long received) {
    StepPlan.Poll p = polling;
    if (outcomes.holds(p.until())) {
      polling = null;
      return true;
    }
    long nextAttempt = requestStarted + p.intervalNanos(); // every: from one attempt's start to the next's
    if (nextAttempt - pollDeadline >= 0) {
      polling = null;
      noteFailure(outcomes.pollTimedOut(current, p.timeoutReason(), sent, received));
      continueAfterRequest();
      return false;
    }
    noteFailure(outcomes.attempt(current, sent, received));
    current = null;
    schedule(repoll, Math.max(0, nextAttempt - now), false);
    return false;
  }

  private void repoll() {
    timer = null;
    if (phase == Phase.DONE || cancelled || polling == null) return;
    if (ending && phase != Phase.STOP) {
      polling = null;
      beginStop();
      return;
    }
    send(polling.request());
  }

  @Override
  public void onFailure(TransportError error, Throwable cause, long nanos, long bytesSent, long bytesReceived) {
    stopStallCheck();
    if (error == TransportError.CANCELLED && !exchange.written()) return; // it never left: no request to count
    boolean midStream = answering && llm.streaming() && llm.started();
    noteFailure(outcomes.failed(current, error, cause, bytesSent, bytesReceived, midStream));
    StepPlan.Poll p = polling;
    long nextAttempt = requestStarted + (p == null ? 0 : p.intervalNanos());
    if (p != null && error != TransportError.CANCELLED && nextAttempt - pollDeadline < 0) {
      current = null;
      schedule(repoll, Math.max(0, nextAttempt - nanos), false); // a poll rides out a failed attempt until its timeout
      return;
    }
    polling = null;
    continueAfterRequest();
  }

  @Override
  public void onRetry(long nanos) {
    recorder.count(Measures.RETRIES, current.endpoint(), 1); // sent once more, counted once: the retry apart
  }

  /** @param reason the failure reason of the outcome, or -1 for success */
  private void noteFailure(int reason) {
    if (reason < 0) return;
    failures++;
    lastFailure = reason;
    if (phase == Phase.START) startFailed = true;
  }

  private void continueAfterRequest() {
    current = null;
    if (sending) loop.execute(next);
    else step();
  }

  private void drawRows() {
    List<Feeder> feeders = run.plan.feeders();
    for (int f = 0; f < rows.length; f++) {
      if (feeders.get(f).order() != FeederSpec.Order.UNIQUE) rows[f] = feeders.get(f).next(random);
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
