package horde.engine;

import horde.plan.FailureReasons;
import horde.plan.TestPlan;
import horde.protocol.NanoClock;
import horde.protocol.http.HttpClient;
import horde.protocol.ws.WsClient;
import horde.protocol.http.TransportError;
import horde.record.LoopRecorder;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What every virtual user of one run shares. Fields are set before the first user starts. */
final class RunContext {
  final TestPlan plan;
  final HttpClient client;
  /** Opens WebSockets on the HTTP client's loops, with its TLS settings and clock. */
  final WsClient ws;
  final RequestRenderer renderer;
  final FailureReasons reasons;
  final long seed;
  /** Requests left in fixed-count mode; {@code Long.MAX_VALUE} otherwise. */
  final AtomicLong budget;
  /** Requests the end of the test cut off: counted apart, not as failures. */
  final AtomicLong cancelledInFlight = new AtomicLong();
  final Population population;
  /** Every user's variables to begin with: the declared ones, plus what setup saved. */
  final String[] initialVariables;
  /** Bytes of a body kept for checks and saves ({@code http.max_body}); past it the request fails. */
  final int maxBody;
  /** Prompt tokens of answers without usage, a constant body's counted once. */
  final PromptTokens prompts;
  /** Where an {@link Error} caught on a loop goes: the run stops on it. */
  final FatalErrors fatal;
  /**
   * The run is over: set by the control thread before it tells each user ({@link VirtualUser#end}).
   * A loop far behind (many users on too little CPU) would reach those tasks only after seconds of
   * due timers, each starting a new request; read here, the run's end stops a user at its next
   * turn, so the backlog drains in moments and the graceful stop and the exit come on time.
   */
  volatile boolean ending;
  /** Where users read the time: the HTTP client's clock, so their stamps and its agree. */
  final NanoClock clock;
  /** Each event loop's own recorder: a user records only into its loop's, so none is shared. */
  private final Map<EventLoop, LoopRecorder> recorders;
  /** Each loop's HTTP sessions not lent to a user: one per request in flight at once, not one per user. */
  private final Map<EventLoop, ArrayDeque<HttpSession>> freeSessions = new IdentityHashMap<>();

  RunContext(TestPlan plan, Map<EventLoop, LoopRecorder> recorders, HttpClient client, RequestRenderer renderer,
      long seed, long budget, Population population, String[] initialVariables, FatalErrors fatal) {
    this.plan = plan;
    this.recorders = new IdentityHashMap<>(recorders);
    recorders.keySet().forEach(loop -> freeSessions.put(loop, new ArrayDeque<>()));
    this.client = client;
    this.ws = new WsClient(client);
    this.renderer = renderer;
    this.reasons = plan.reasons();
    this.seed = seed;
    this.budget = new AtomicLong(budget);
    this.population = population;
    this.initialVariables = initialVariables.clone();
    this.maxBody = plan.scenario().http().maxBody();
    this.fatal = fatal;
    this.prompts = new PromptTokens(plan.tokenizer(), plan.requests());
    this.clock = client.clock();
  }

  /** The recorder of the loop a user runs on. */
  LoopRecorder recorder(EventLoop loop) {
    LoopRecorder r = recorders.get(loop);
    if (r == null) throw new IllegalStateException("no recorder for " + loop);
    return r;
  }

  /** The loop's free HTTP sessions; used on that loop only. */
  ArrayDeque<HttpSession> freeSessions(EventLoop loop) {
    return freeSessions.get(loop);
  }

  List<LoopRecorder> recorders() {
    return List.copyOf(recorders.values());
  }

  /** Takes one request from the fixed-count budget; false when it is spent. */
  boolean takeRequest() {
    return budget.get() == Long.MAX_VALUE || budget.getAndDecrement() > 0;
  }

  /** Whether the fixed-count budget has requests left, taking none. */
  boolean requestsLeft() {
    return budget.get() > 0;
  }

  static int reasonOf(TransportError e) {
    return switch (e) {
      case TIMEOUT -> FailureReasons.TIMEOUT;
      case CONNECTION_REFUSED -> FailureReasons.CONNECTION_REFUSED;
      case CONNECT_TIMEOUT -> FailureReasons.CONNECT_TIMEOUT;
      case CONNECTION_RESET -> FailureReasons.CONNECTION_RESET;
      case CONNECTION_CLOSED -> FailureReasons.CONNECTION_CLOSED;
      case TLS -> FailureReasons.TLS;
      case BAD_RESPONSE -> FailureReasons.BAD_RESPONSE;
      case TOO_MANY_REDIRECTS -> FailureReasons.TOO_MANY_REDIRECTS;
      case UNKNOWN_HOST -> FailureReasons.UNKNOWN_HOST;
      case TOO_MANY_OPEN_FILES -> FailureReasons.TOO_MANY_OPEN_FILES;
      case BODY_TOO_LARGE -> FailureReasons.BODY_TOO_LARGE;
      case STREAM_RESET -> FailureReasons.STREAM_RESET;
      case GOAWAY -> FailureReasons.GOAWAY;
      case CANCELLED, STREAM_STALLED, OTHER -> FailureReasons.OTHER;
    };
  }
}
