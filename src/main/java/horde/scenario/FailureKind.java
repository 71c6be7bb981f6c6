package horde.scenario;

import java.util.Locale;

/**
 * What kind of failure a failed request had: the part of the exchange, or of the scenario, that
 * went wrong. Findings and reports decide by kind, never by a reason's text.
 */
public enum FailureKind {
  /** The answer's status is not a success (HTTP 503). */
  HTTP,
  /** Nothing accepted the connection: no server on the target's port. */
  REFUSED,
  /** The connection failed otherwise: reset, closed, TLS, an unreadable answer, a host not found. */
  TRANSPORT,
  /** No answer within the request's timeout. */
  TIMEOUT,
  /** The answer did not pass a check. */
  CHECK,
  /** A value to save was not in the answer. */
  SAVE,
  /** A streamed answer went silent past its idle timeout. */
  STREAM_STALLED,
  /** A streamed answer ended (or its connection closed) before its terminator. */
  STREAM_INCOMPLETE,
  /** A streamed answer reported an error mid-stream. */
  STREAM_ERROR,
  /** A poll ran out of time before its condition held. */
  POLL,
  /** The request could not be made from its template: never sent. */
  TEMPLATE,
  /** A variable the request uses was never saved (most often because the request that saves it failed): never sent. */
  UNSET_VARIABLE,
  /** A feeder with unique rows ran out: never sent. */
  FEEDER,
  /** Horde had no file descriptor left for a socket: never sent. */
  DESCRIPTORS,
  /** A body a check, save or poll needed was larger than http.max_body. */
  BODY_TOO_LARGE,
  /** A WebSocket's opening handshake was answered with a status other than 101. */
  WS_HANDSHAKE,
  /** The server closed a WebSocket the user still used (the reason names its close code). */
  WS_CLOSED;

  /** Whether a streamed answer stopped before its end. */
  public boolean streamCut() {
    return this == STREAM_STALLED || this == STREAM_INCOMPLETE || this == STREAM_ERROR;
  }

  /** Whether such a request never left Horde: the scenario's problem, not the target's. */
  public boolean neverSent() {
    return this == TEMPLATE || this == UNSET_VARIABLE || this == FEEDER || this == DESCRIPTORS;
  }

  /** The name of the failure reason of an answer with this status: {@code HTTP 503}. */
  public static String httpReason(int status) {
    return "HTTP " + status;
  }

  /** The status of an {@link #HTTP} reason's name, or -1. */
  public static int statusOf(String reason) {
    if (!reason.startsWith("HTTP ")) return -1;
    try {
      return Integer.parseInt(reason.substring(5));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public String lower() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind of a reason named as Horde names them, for result files written before kinds were
   * kept (format 1). New results carry the kind; nothing else should tell a kind from a name.
   */
  public static FailureKind ofLegacyName(String reason) {
    if (reason.startsWith("HTTP ")) return HTTP;
    if (reason.equals("timeout")) return TIMEOUT;
    if (reason.startsWith("check failed")) return CHECK;
    if (reason.startsWith("save failed")) return SAVE;
    if (reason.equals("poll timeout")) return POLL;
    if (reason.equals("stream stalled")) return STREAM_STALLED;
    if (reason.equals("stream incomplete")) return STREAM_INCOMPLETE;
    if (reason.equals("stream error")) return STREAM_ERROR;
    if (reason.equals("feeder exhausted")) return FEEDER;
    if (reason.equals("connection refused")) return REFUSED;
    if (reason.equals("too many open files")) return DESCRIPTORS;
    if (reason.equals("body too large")) return BODY_TOO_LARGE;
    if (reason.startsWith("ws handshake")) return WS_HANDSHAKE;
    if (reason.startsWith("ws closed")) return WS_CLOSED;
    if (reason.startsWith("template error")) return reason.endsWith("is not set") ? UNSET_VARIABLE : TEMPLATE;
    return TRANSPORT;
  }

  public static FailureKind parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
