package horde.engine;

import horde.plan.CheckPlan;
import horde.plan.ExtractPlan;
import horde.plan.FailureReasons;
import horde.plan.RequestPlan;
import horde.protocol.http.TransportError;
import horde.record.LoopRecorder;
import horde.scenario.FailureKind;
import horde.template.UnsetValueException;
import java.util.List;
import java.util.Locale;

/**
 * Judges a finished request — status, checks, saves — and records it. The first failure decides
 * the reason; saves run only for responses that passed. Every method returns the failure reason
 * it recorded, or -1 for a success. Every answer's status is counted, a success or not.
 */
final class Outcomes {
  private final RunContext run;
  private final LoopRecorder recorder;
  private final FailureReasons reasons;
  private final Response response;

  Outcomes(RunContext run, LoopRecorder recorder, Response response) {
    this.run = run;
    this.recorder = recorder;
    this.reasons = run.reasons;
    this.response = response;
  }

  /** @param streamFailure the reason of a stream that failed (error event, no terminator), or -1 */
  int completed(RequestPlan r, long sent, long received, String[] variables, int streamFailure) {
    if (!r.isSuccess(response.status)) return httpFailure(r, sent, received);
    if (streamFailure >= 0) return failed(r, streamFailure, sent, received, "HTTP " + response.status, true);
    // indexed loops: the lists' iterators showed as garbage on every answer (JFR), escape analysis did not remove them
    List<CheckPlan> checks = r.checks();
    for (int i = 0; i < checks.size(); i++) {
      CheckPlan c = checks.get(i);
      if (!c.holds(response)) return failed(r, c.reason(), sent, received, "got HTTP " + response.status, c.needsBody());
    }
    List<ExtractPlan> saves = r.saves();
    for (int i = 0; i < saves.size(); i++) {
      ExtractPlan e = saves.get(i);
      String value = e.find(response);
      if (value == null) return failed(r, e.reason(), sent, received, "got HTTP " + response.status, true);
      variables[e.slot()] = value;
    }
    recorder.request(r.endpoint(), response.status, -1, response.latencyNanos, sent, received, response.bodyBytes());
    return -1;
  }

  /** Whether every one of a poll's conditions holds on the response. */
  boolean holds(List<CheckPlan> until) {
    for (int i = 0; i < until.size(); i++) if (!until.get(i).holds(response)) return false;
    return true;
  }

  /** A poll attempt whose answer is not the awaited one yet: counted on its status alone. */
  int attempt(RequestPlan r, long sent, long received) {
    if (!r.isSuccess(response.status)) return httpFailure(r, sent, received);
    recorder.request(r.endpoint(), response.status, -1, response.latencyNanos, sent, received, response.bodyBytes());
    return -1;
  }

  /** The last attempt of a poll that ran out of time. */
  int pollTimedOut(RequestPlan r, int reason, long sent, long received) {
    return failed(r, reason, sent, received, "last answer HTTP " + response.status, true);
  }

  private int httpFailure(RequestPlan r, long sent, long received) {
    return failed(r, FailureReasons.httpStatus(response.status), sent, received, "HTTP " + response.status, true);
  }

  /** A request that got an answer and failed for {@code reason}. */
  private int failed(RequestPlan r, int reason, long sent, long received, String what, boolean withBody) {
    recorder.request(r.endpoint(), response.status, reason, response.latencyNanos, sent, received, response.bodyBytes());
    if (recorder.wantsSample(r.endpoint(), reason)) {
      String body = withBody ? run.plan.redaction().sample(response, 200) : "";
      recorder.sample(r.endpoint(), reason, body.isEmpty() ? what : what + ": " + body);
    }
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
    boolean cut = error == TransportError.CONNECTION_CLOSED || error == TransportError.CONNECTION_RESET
        || error == TransportError.STREAM_RESET || error == TransportError.GOAWAY;
    if (midStream && cut) reason = r.llm().incomplete();
    recorder.request(r.endpoint(), 0, reason, -1, sent, received);
    if (recorder.wantsSample(r.endpoint(), reason)) {
      recorder.sample(r.endpoint(), reason, cause != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
          : what(error, r));
    }
    return reason;
  }

  /** What happened, for a failure that came with no exception to quote. */
  private static String what(TransportError error, RequestPlan r) {
    return switch (error) {
      case TIMEOUT -> "no complete answer within " + r.timeoutNanos() / 1_000_000 + " ms";
      case CONNECTION_CLOSED -> "the server closed the connection before the answer ended";
      case CONNECTION_RESET -> "the server reset the connection";
      case STREAM_RESET -> "the server reset the request's HTTP/2 stream";
      case GOAWAY -> "the server's GOAWAY left the request's HTTP/2 stream out";
      case STREAM_STALLED -> "the stream was silent for longer than its idle timeout";
      default -> error.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  /** A request that could not be made (a value it uses has none): counted, never sent. */
  int notSent(RequestPlan r, Exception e) {
    FailureKind kind = e instanceof UnsetValueException u && u.variable() ? FailureKind.UNSET_VARIABLE : FailureKind.TEMPLATE;
    int reason = reasons.idOf("template error: " + e.getMessage(), kind);
    recorder.request(r.endpoint(), 0, reason, -1, 0, 0);
    return reason;
  }
}
