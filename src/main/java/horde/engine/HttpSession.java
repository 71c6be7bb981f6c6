package horde.engine;

import horde.plan.RequestPlan;
import horde.plan.StepPlan;
import horde.protocol.http.ExchangeListener;
import horde.protocol.http.HttpExchange;
import horde.protocol.http.ResponseHead;
import horde.protocol.http.TransportError;
import horde.record.LoopRecorder;
import horde.scenario.Measures;
import horde.template.UnsetValueException;
import io.netty.buffer.ByteBuf;
import java.net.URISyntaxException;
import java.util.ArrayDeque;

/**
 * The HTTP state of a request in flight, lent to a user by its loop: the exchange, the response
 * being read, the LLM answer and its stall watch, and the poll being driven. It listens to the
 * exchange, judges the outcome, goes back to the loop's free sessions when the request (or poll) is
 * over, and then resumes the user's steps. An idle user holds none (only its {@link UserCookies}):
 * a loop has as many sessions as it ever had requests in flight at once, not one per user.
 */
final class HttpSession implements UserResource, ExchangeListener {
  static final ResourceKey<HttpSession> KEY = new ResourceKey<>(HttpSession::lend);

  /**
   * The free sessions a loop keeps: enough for its usual requests in flight; a start-up burst of
   * many thousand users all sending at once leaves no more than this behind.
   */
  private static final int KEPT_FREE = 1024;

  /** The user this session is lent to; null while it is free. */
  private VirtualUser user;
  private final RunContext run;
  private final LoopRecorder recorder;
  private final HttpExchange exchange;
  private final Response response = new Response();
  private final Outcomes outcomes;
  private final LlmAnswer llm;
  private final StallWatch stall;
  private final StringBuilder scratch = new StringBuilder();
  private final Runnable repoll;
  private final ArrayDeque<HttpSession> free;
  /** The request in flight, null between requests (also while a poll waits for its next attempt). */
  private RequestPlan current;
  /** The poll the current request is an attempt of, or null. */
  private StepPlan.Poll polling;
  private long pollDeadline;
  private long requestStarted;
  private long requestIntended;
  /** The body must be kept whole (checks, saves, a poll): past the limit the request fails. */
  private boolean keepingBody;
  /** The answer is an LLM answer to read: its request tracks one, and it is a 2xx. */
  private boolean answering;
  /** Inside {@code client.execute}: an end reported now must not resume the user on this stack. */
  private boolean sending;

  /** The loop's free session, or a new one, lent to {@code user} until its request is over. */
  private static HttpSession lend(VirtualUser user) {
    HttpSession s = user.run.freeSessions(user.loop).poll();
    if (s == null) s = new HttpSession(user);
    s.user = user;
    s.exchange.cookies = user.resource(UserCookies.KEY).jar;
    return s;
  }

  private HttpSession(VirtualUser user) {
    this.run = user.run;
    this.recorder = user.recorder;
    this.exchange = new HttpExchange(user.loop, this);
    this.outcomes = new Outcomes(run, recorder, response);
    this.llm = run.plan.tracksLlm() ? new LlmAnswer(recorder, run.prompts) : null;
    this.stall = llm == null ? null : new StallWatch(user, exchange, llm);
    this.repoll = user.guard(this::repoll);
    this.free = run.freeSessions(user.loop);
  }

  /** Sends the request; the user is resumed when it is over. */
  void send(RequestPlan r) {
    polling = null;
    go(r);
  }

  /** Sends the poll's request, again and again until its condition holds or its time is up. */
  void poll(StepPlan.Poll p) {
    polling = p;
    pollDeadline = run.clock.nanoTime() + p.timeoutNanos();
    go(p.request());
  }

  private void go(RequestPlan r) {
    if (!user.takeRequest()) {
      giveBack(); // the user has arranged what follows (its on_stop, or its end)
      return;
    }
    current = r;
    try {
      run.renderer.render(r, user, exchange, scratch);
    } catch (UnsetValueException | URISyntaxException e) {
      user.failed(outcomes.notSent(r, e));
      VirtualUser u = giveBack();
      u.loop.execute(u.steps.resume); // no recursion when every request of a loop fails at once
      return;
    }
    keepingBody = r.needsBody() || polling != null;
    response.reset(keepingBody ? run.maxBody : 0);
    requestStarted = run.clock.nanoTime();
    requestIntended = user.intendedStart != 0 ? user.intendedStart : requestStarted;
    user.intendedStart = 0; // only the iteration's first request can be late
    if (r.llm() != null) llm.begin(r, requestIntended);
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
      if (llm.streaming()) stall.watch(current.llm().stream().idleTimeout().toNanos());
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

  @Override
  public void onComplete(long nanos, long bytesSent, long bytesReceived) {
    response.latencyNanos = nanos - requestIntended;
    stopStallWatch();
    if (user.pacing == Pacing.OPEN) recorder.time(Measures.UNCORRECTED, current.endpoint(), nanos - requestStarted);
    if (polling != null && !pollDone(nanos, bytesSent, bytesReceived)) return;
    int streamFailure = answering && current.isSuccess(response.status)
        ? llm.finish(response, response.latencyNanos, exchange.body == null ? "" : exchange.body) : -1;
    user.failed(outcomes.completed(current, bytesSent, bytesReceived, user.variables, streamFailure));
    done();
  }

  /** Records a poll attempt; false when another attempt follows (it is scheduled) or the poll ended. */
  private boolean pollDone(long now, long sent, long received) {
    StepPlan.Poll p = polling;
    if (outcomes.holds(p.until())) {
      polling = null;
      return true;
    }
    long nextAttempt = requestStarted + p.intervalNanos(); // every: from one attempt's start to the next's
    if (nextAttempt - pollDeadline >= 0) {
      polling = null;
      user.failed(outcomes.pollTimedOut(current, p.timeoutReason(), sent, received));
      done();
      return false;
    }
    user.failed(outcomes.attempt(current, sent, received));
    current = null;
    user.sleep(Math.max(0, nextAttempt - now), repoll);
    return false;
  }

  private void repoll() {
    if (polling == null || !user.mayGoOn()) return;
    go(polling.request());
  }

  @Override
  public void onFailure(TransportError error, Throwable cause, long nanos, long bytesSent, long bytesReceived) {
    stopStallWatch();
    if (error == TransportError.CANCELLED && !exchange.written()) return; // it never left: no request to count
    boolean midStream = answering && llm.streaming() && llm.started();
    user.failed(outcomes.failed(current, error, cause, bytesSent, bytesReceived, midStream));
    StepPlan.Poll p = polling;
    long nextAttempt = requestStarted + (p == null ? 0 : p.intervalNanos());
    if (p != null && error != TransportError.CANCELLED && nextAttempt - pollDeadline < 0) {
      current = null;
      user.sleep(Math.max(0, nextAttempt - nanos), repoll); // a poll rides out a failed attempt until its timeout
      return;
    }
    polling = null;
    done();
  }

  @Override
  public void onRetry(long nanos) {
    recorder.count(Measures.RETRIES, current.endpoint(), 1); // sent once more, counted once: the retry apart
  }

  /** The request (or poll) is over: the session goes back to the loop, then the user goes on. */
  private void done() {
    VirtualUser u = giveBack();
    if (sending) u.loop.execute(u.steps.resume);
    else u.steps.resume();
  }

  /** Back to the loop's free sessions; returns the user it was lent to. */
  private VirtualUser giveBack() {
    VirtualUser u = user;
    current = null;
    polling = null;
    u.returned(KEY);
    user = null;
    exchange.cookies = null;
    response.reset(0);
    if (free.size() < KEPT_FREE) free.push(this);
    else exchange.release(); // past that, a burst's sessions go to the collector (their timers with them)
    return u;
  }

  private void stopStallWatch() {
    if (stall != null) stall.stop();
  }

  @Override
  public void cancel() {
    if (exchange.inFlight()) exchange.cancel();
    response.reset(0); // a body held for a check goes now: the heap may be what ended the run
  }

  @Override
  public void close() {
    stopStallWatch();
    exchange.release();
  }
}
