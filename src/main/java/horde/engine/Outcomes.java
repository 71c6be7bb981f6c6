package horde.engine;

import horde.plan.CheckPlan;
import horde.plan.ExtractPlan;
import horde.plan.FailureReasons;
import horde.plan.RequestPlan;
import horde.protocol.http.TransportError;
import horde.record.MetricRecorder;
import java.util.List;

/**
 * Judges a finished request — status, checks, saves — and records it. The first failure decides
 * the reason; saves run only for responses that passed. Every method returns the failure reason
 * it recorded, or -1 for a success.
 */
final class Outcomes {
  private final RunContext run;
  private final MetricRecorder recorder;
  private final FailureReasons reasons;
  private final Response response;

  Outcomes(RunContext run, Response response) {
    this.run = run;
    this.recorder = run.recorder;
    this.reasons = run.reasons;
    this.response = response;
  }

  /** @param streamFailure the reason of a stream that failed (error event, no terminator), or -1 */
  int completed(RequestPlan r, long sent, long received, String[] variables, int streamFailure) {
    int endpoint = r.endpoint();
    long latency = response.latencyNanos;
    if (!r.isSuccess(response.status)) return httpFailure(r, sent, received);
    if (streamFailure >= 0) {
      recorder.failure(endpoint, streamFailure, latency, sent, received);
      sample(endpoint, streamFailure, "HTTP " + response.status, true);
      return streamFailure;
    }
    for (CheckPlan c : r.checks()) {
      if (!c.holds(response)) {
        recorder.failure(endpoint, c.reason(), latency, sent, received);
        sample(endpoint, c.reason(), "got HTTP " + response.status, c.needsBody());
        return c.reason();
      }
    }
    for (ExtractPlan e : r.saves()) {
      String value = e.find(response);
      if (value == null) {
        recorder.failure(endpoint, e.reason(), latency, sent, received);
        sample(endpoint, e.reason(), "got HTTP " + response.status, true);
        return e.reason();
      }
      variables[e.slot()] = value;
    }
    recorder.success(endpoint, latency, sent, received);
    return -1;
  }

  /** Whether every one of a poll's conditions holds on the response. */
  boolean holds(List<CheckPlan> until) {
    for (CheckPlan c : until) if (!c.holds(response)) return false;
    return true;
  }

  /** A poll attempt whose answer is not the awaited one yet: counted on its status alone. */
  int attempt(RequestPlan r, long sent, long received) {
    if (!r.isSuccess(response.status)) return httpFailure(r, sent, received);
    recorder.success(r.endpoint(), response.latencyNanos, sent, received);
    return -1;
  }

  /** The last attempt of a poll that ran out of time. */
  int pollTimedOut(RequestPlan r, int reason, long sent, long received) {
    recorder.failure(r.endpoint(), reason, response.latencyNanos, sent, received);
    sample(r.endpoint(), reason, "last answer HTTP " + response.status, true);
    return reason;
  }

  private int httpFailure(RequestPlan r, long sent, long received) {
    int reason = FailureReasons.httpStatus(response.status);
    recorder.failure(r.endpoint(), reason, response.latencyNanos, sent, received);
    sample(r.endpoint(), reason, "HTTP " + response.status, true);
    return reason;
  }

  /** @param midStream whether tokens had already arrived: a closed connection cut the stream short */
  int failed(RequestPlan r, TransportError error, Throwable cause, long sent, long received, boolean midStream) {
    if (error == TransportError.CANCELLED) {
      run.cancelledInFlight.incrementAndGet();
      return -1;
    }
    int reason = RunContext.reasonOf(error);
    if (error == TransportError.STREAM_STALLED) reason = r.llm().stalled();
    boolean cut = error == TransportError.CONNECTION_CLOSED || error == TransportError.CONNECTION_RESET;
    if (midStream && cut) reason = r.llm().incomplete();
    recorder.failure(r.endpoint(), reason, -1, sent, received);
    if (cause != null && recorder.wantsSample(r.endpoint(), reason)) {
      recorder.sample(r.endpoint(), reason, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
    return reason;
  }

  int templateError(RequestPlan r, String message) {
    int reason = reasons.idOf("template error: " + message);
    recorder.failure(r.endpoint(), reason, -1, 0, 0);
    return reason;
  }

  private void sample(int endpoint, int reason, String what, boolean withBody) {
    if (!recorder.wantsSample(endpoint, reason)) return;
    String body = withBody ? run.plan.redaction().sample(response, 200) : "";
    recorder.sample(endpoint, reason, body.isEmpty() ? what : what + ": " + body);
  }
}
