package horde.engine;

import horde.plan.CheckPlan;
import horde.plan.ExtractPlan;
import horde.plan.ParamPlan;
import horde.plan.WsPlan;
import horde.protocol.http.TransportError;
import horde.protocol.ws.WsListener;
import horde.protocol.ws.WsSocket;
import horde.record.LoopRecorder;
import horde.scenario.FailureKind;
import horde.scenario.Measures;
import horde.template.UnsetValueException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A user's WebSocket, a resource it owns: open from its {@code ws} step until {@code ws_close},
 * the server's close, or the user's end. Connects and awaited messages are counted as requests of
 * their endpoints (connect time, round trip); every message in and out is counted on the socket's.
 * Messages that come while nothing awaits them wait in a short inbox until the next send.
 */
final class WsSession implements UserResource, WsListener {
  static final ResourceKey<WsSession> KEY = new ResourceKey<>(WsSession::new);
  /** Messages kept for an await that has not begun; older ones go first. */
  private static final int INBOX = 256;

  private final VirtualUser user;
  private final RunContext run;
  private final LoopRecorder recorder;
  private final WsSocket socket;
  private final StringBuilder text = new StringBuilder();
  private final WsMessage message = new WsMessage();
  private final ArrayDeque<WsMessage> inbox = new ArrayDeque<>();
  private final Runnable awaitTimedOut;
  private WsPlan.Connect connecting;
  private long connectStarted;
  private long connectIntended;
  /** The socket's endpoint: where its messages are counted. */
  private int socketEndpoint = -1;
  private WsPlan.Await awaiting;
  private ScheduledFuture<?> timer;
  /** When the last message was sent (or the socket opened): round trips and token times count from it. */
  private long sentAt;
  private long firstToken, lastToken;
  private int tokens;
  /** The code the server closed the socket with, or 0 while it has not. */
  private int closedWith;

  private WsSession(VirtualUser user) {
    this.user = user;
    this.run = user.run;
    this.recorder = user.recorder;
    this.socket = new WsSocket(user.loop, this);
    this.awaitTimedOut = user.guard(this::awaitTimedOut);
  }

  boolean connect(WsPlan.Connect c) {
    if (!user.takeRequest()) return false;
    URI uri;
    HttpHeaders headers = new DefaultHttpHeaders();
    try {
      uri = WsUrls.of(c, user, run.plan.target(), text);
      for (ParamPlan h : c.headers()) {
        text.setLength(0);
        h.value().render(user, text);
        headers.add(h.name(), text.toString().replace('\r', ' ').replace('\n', ' '));
      }
    } catch (UnsetValueException | IllegalArgumentException e) {
      notSent(c.endpoint(), e);
      user.loop.execute(user.steps.resume);
      return false;
    }
    String cookie = user.resource(UserCookies.KEY).header(uri);
    if (cookie != null) {
      String own = headers.get("Cookie"); // one Cookie header: the handshake's own pairs, then the jar's
      headers.set("Cookie", own == null ? cookie : own + "; " + cookie);
    }
    connecting = c;
    closedWith = 0;
    inbox.clear();
    connectStarted = run.clock.nanoTime();
    connectIntended = user.intendedStart != 0 ? user.intendedStart : connectStarted;
    user.intendedStart = 0;
    run.ws.connect(socket, uri, headers, c.subprotocols().isEmpty() ? null : String.join(",", c.subprotocols()),
        c.timeoutNanos());
    return false;
  }

  @Override
  public void onOpen(long nanos) {
    WsPlan.Connect c = connecting;
    connecting = null;
    socketEndpoint = c.endpoint();
    sentAt = nanos;
    recorder.request(c.endpoint(), 101, -1, nanos - connectIntended, 0, 0);
    recorder.time(Measures.WS_CONNECT, c.endpoint(), nanos - connectStarted);
    user.steps.resume();
  }

  @Override
  public void onFailure(TransportError error, int handshakeStatus, Throwable cause, long nanos) {
    WsPlan.Connect c = connecting;
    connecting = null;
    if (c == null) return;
    int reason = handshakeStatus > 0
        ? run.reasons.idOf("ws handshake: HTTP " + handshakeStatus, FailureKind.WS_HANDSHAKE)
        : RunContext.reasonOf(error);
    recorder.request(c.endpoint(), handshakeStatus, reason, -1, 0, 0);
    if (recorder.wantsSample(c.endpoint(), reason)) {
      recorder.sample(c.endpoint(), reason, cause != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
          : error == TransportError.TIMEOUT ? "no opening handshake within " + c.timeoutNanos() / 1_000_000 + " ms"
          : error.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    user.failed(reason);
    resumeSoon();
  }

  boolean send(WsPlan.Send s) {
    if (!user.requestsLeft()) return false; // no await left to count the answer: send nothing
    if (!socket.isOpen()) {
      notOpen(socketEndpoint >= 0 ? socketEndpoint : s.socket());
      return true;
    }
    int bytes;
    if (s.binary() != null) {
      bytes = socket.send(s.binary());
    } else {
      text.setLength(0);
      try {
        s.text().render(user, text);
      } catch (UnsetValueException e) {
        notSent(socketEndpoint, e);
        return true;
      }
      bytes = socket.send(text);
    }
    recorder.count(Measures.WS_MESSAGES_OUT, socketEndpoint, 1);
    recorder.count(Measures.WS_BYTES_OUT, socketEndpoint, bytes);
    inbox.clear(); // an await is for the answers to this message
    sentAt = run.clock.nanoTime();
    return true;
  }

  boolean await(WsPlan.Await a) {
    if (!user.takeRequest()) return false; // an awaited message is counted as a request
    awaiting = a;
    tokens = 0;
    lastToken = sentAt;
    while (!inbox.isEmpty()) {
      WsMessage m = inbox.poll();
      if (take(m.text, m.nanos)) return true;
    }
    if (!socket.isOpen()) {
      awaiting = null;
      notOpen(a.endpoint());
      return true;
    }
    timer = user.loop.schedule(awaitTimedOut, a.timeoutNanos(), TimeUnit.NANOSECONDS);
    return false;
  }

  @Override
  public void onMessage(ByteBuf payload, boolean isText, long nanos) {
    recorder.count(Measures.WS_MESSAGES_IN, socketEndpoint, 1);
    recorder.count(Measures.WS_BYTES_IN, socketEndpoint, payload.readableBytes());
    String s = payload.toString(StandardCharsets.UTF_8);
    if (awaiting == null) {
      if (inbox.size() == INBOX) inbox.poll();
      inbox.add(new WsMessage().set(s, nanos));
    } else if (take(s, nanos)) {
      user.steps.resume();
    }
  }

  /** Offers a message to the await; true when it matched (the await is over, recorded). */
  private boolean take(String s, long nanos) {
    WsPlan.Await a = awaiting;
    message.set(s, nanos);
    if (!matches(a)) {
      if (a.stream()) token(a, nanos);
      return false;
    }
    stopTimer();
    awaiting = null;
    long roundTrip = nanos - sentAt;
    int reason = -1;
    for (ExtractPlan e : a.saves()) {
      String value = e.find(message);
      if (value == null) {
        reason = e.reason();
        break;
      }
      user.variables[e.slot()] = value;
    }
    recorder.request(a.endpoint(), 0, reason, roundTrip, 0, 0, s.length());
    recorder.time(Measures.WS_ROUND_TRIP, a.endpoint(), roundTrip);
    if (a.stream()) streamed(a, roundTrip);
    if (reason >= 0 && recorder.wantsSample(a.endpoint(), reason)) recorder.sample(a.endpoint(), reason, snippet(s));
    user.failed(reason);
    return true;
  }

  private boolean matches(WsPlan.Await a) {
    for (CheckPlan c : a.match()) if (!c.holds(message)) return false;
    return true;
  }

  /** A message before the match on a streamed await: a token, timed as SSE tokens are. */
  private void token(WsPlan.Await a, long nanos) {
    recorder.count(Measures.TOKEN_EVENTS, a.endpoint(), 1);
    if (tokens++ == 0) {
      firstToken = nanos;
      recorder.time(Measures.TTFT, a.endpoint(), nanos - sentAt);
    } else {
      recorder.time(Measures.ITL, a.endpoint(), nanos - lastToken);
    }
    lastToken = nanos;
  }

  /** A streamed answer is over: its messages were its tokens, counted and paced as an SSE stream's events are. */
  private void streamed(WsPlan.Await a, long roundTrip) {
    recorder.count(Measures.STREAMS, a.endpoint(), 1);
    recorder.count(Measures.OUTPUT_TOKENS, a.endpoint(), tokens);
    if (tokens > 1) recorder.time(Measures.TPOT, a.endpoint(), (lastToken - firstToken) / (tokens - 1));
    if (tokens > 0 && roundTrip > 0) recorder.rate(Measures.TOKENS_PER_S, a.endpoint(), tokens / (roundTrip / 1e9));
  }

  private void awaitTimedOut() {
    timer = null;
    WsPlan.Await a = awaiting;
    if (a == null) return;
    awaiting = null;
    recorder.request(a.endpoint(), 0, a.timeoutReason(), -1, 0, 0);
    if (recorder.wantsSample(a.endpoint(), a.timeoutReason())) {
      recorder.sample(a.endpoint(), a.timeoutReason(), "no matching message within " + a.timeoutNanos() / 1_000_000
          + " ms" + (tokens > 0 ? " (" + tokens + " others came)" : ""));
    }
    user.failed(a.timeoutReason());
    user.steps.resume();
  }

  @Override
  public void onClose(int code, String reason, long nanos) {
    closedWith = code;
    WsPlan.Await a = awaiting;
    if (a == null) return;
    awaiting = null;
    stopTimer();
    notOpen(a.endpoint());
    user.steps.resume();
  }

  boolean close(WsPlan.Close c) {
    if (socket.isOpen()) socket.close(c.code());
    closedWith = 0;
    return true;
  }

  /** A send or await on a socket that is not open: closed by the server (with its code), or never opened. */
  private void notOpen(int endpoint) {
    int reason = closedWith > 0
        ? run.reasons.idOf("ws closed by server: " + closedWith, FailureKind.WS_CLOSED)
        : run.reasons.idOf("ws not open", FailureKind.WS_CLOSED);
    recorder.request(endpoint, 0, reason, -1, 0, 0);
    user.failed(reason);
  }

  private void notSent(int endpoint, Exception e) {
    FailureKind kind = e instanceof UnsetValueException u && u.variable() ? FailureKind.UNSET_VARIABLE : FailureKind.TEMPLATE;
    int reason = run.reasons.idOf("template error: " + e.getMessage(), kind);
    recorder.request(endpoint, 0, reason, -1, 0, 0);
    user.failed(reason);
  }

  /** Called back by a connect that may fail before it returns: resume on a fresh stack. */
  private void resumeSoon() {
    user.loop.execute(user.steps.resume);
  }

  private void stopTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private static String snippet(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  @Override
  public void restart() {
    socket.abort();
    connecting = null;
    awaiting = null;
    inbox.clear();
    stopTimer();
  }

  @Override
  public void cancel() {
    if (connecting != null || awaiting != null) run.cancelledInFlight.incrementAndGet();
    connecting = null;
    awaiting = null;
    stopTimer();
    socket.abort();
  }

  @Override
  public void close() {
    stopTimer();
    socket.abort();
    inbox.clear();
  }
}
