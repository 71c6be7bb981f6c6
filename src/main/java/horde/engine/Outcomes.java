package horde.engine;

import horde.plan.CheckPlan;
import horde.plan.ExtractPlan;
import horde.plan.FailureReasons;
import horde.plan.RequestPlan;
import horde.protocol.http.TransportError;
import horde.record.MetricRecorder;

/**
 * Judges a finished request — status, checks, saves — and records it. The first failure decides
 * the reason; saves run only for responses that passed.
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

  /** Records a complete response; returns whether it counted as success. */
  boolean completed(RequestPlan r, long sent, long received, String[] variables) {
    int endpoint = r.endpoint();
    long latency = response.latencyNanos;
    if (!r.isSuccess(response.status)) {
      int reason = FailureReasons.httpStatus(response.status);
      recorder.failure(endpoint, reason, latency, sent, received);
      sample(endpoint, reason, "HTTP " + response.status, true);
      return false;
    }
    for (CheckPlan c : r.checks()) {
      if (!c.holds(response)) {
        recorder.failure(endpoint, c.reason(), latency, sent, received);
        sample(endpoint, c.reason(), "got HTTP " + response.status, c.needsBody());
        return false;
      }
    }
    for (ExtractPlan e : r.saves()) {
      String value = e.find(response);
      if (value == null) {
        recorder.failure(endpoint, e.reason(), latency, sent, received);
        sample(endpoint, e.reason(), "got HTTP " + response.status, true);
        return false;
      }
      variables[e.slot()] = value;
    }
    recorder.success(endpoint, latency, sent, received);
    return true;
  }

  void failed(RequestPlan r, TransportError error, Throwable cause, long sent, long received) {
    if (error == TransportError.CANCELLED) {
      run.cancelledInFlight.incrementAndGet();
      return;
    }
    int reason = RunContext.reasonOf(error);
    recorder.failure(r.endpoint(), reason, -1, sent, received);
    if (cause != null && recorder.wantsSample(r.endpoint(), reason)) {
      recorder.sample(r.endpoint(), reason, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
  }

  void templateError(RequestPlan r, String message) {
    int reason = reasons.idOf("template error: " + message);
    recorder.failure(r.endpoint(), reason, -1, 0, 0);
  }

  private void sample(int endpoint, int reason, String what, boolean withBody) {
    if (!recorder.wantsSample(endpoint, reason)) return;
    String body = withBody ? response.snippet(200) : "";
    recorder.sample(endpoint, reason, body.isEmpty() ? what : what + ": " + body);
  }
}
