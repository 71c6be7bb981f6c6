package horde.simulator;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/**
 * The model behind every LLM-like endpoint. A generation first takes its place in the {@link
 * Capacity} (or is refused with 429/503), then produces its first token {@code timeToFirstToken}
 * after it starts running and the following ones {@code 1 / tokensPerSecond} apart. Time spent
 * queued comes before the first token, as on a real inference server, so latency rises past the
 * knee. Timers run on the request's event loop; no thread waits.
 */
final class Inference {
  private final SimulatorOptions options;
  private final Capacity capacity;
  private final Metrics metrics;
  private final long ttftNanos;
  private final double tokenNanos;
  private final Leak leak;

  Inference(SimulatorOptions options, Capacity capacity, Metrics metrics, Leak leak) {
    this.leak = leak;
    this.options = options;
    this.capacity = capacity;
    this.metrics = metrics;
    this.ttftNanos = options.timeToFirstToken().toNanos();
    this.tokenNanos = 1e9 / options.tokensPerSecond();
  }

  /** Where a generation runs: an HTTP exchange, or a WebSocket chat's ask. */
  interface Host {
    /** The event loop every callback runs on. */
    Executor executor();

    /** Runs {@code task} on that loop at {@code deadlineNanos} ({@link System#nanoTime()}), unless finished by then. */
    void at(long deadlineNanos, Runnable task);

    /** Cleanup for a client that leaves before the answer is complete. */
    void onAbort(Runnable cleanup);

    boolean finished();
  }

  /** What a generation tells its endpoint. */
  interface Listener {
    /** Admitted, running or queued; a stream sends its headers now. */
    default void admitted() {}

    /** Token {@code index} (from 0) is ready; streaming generations only. */
    default void token(int index) {}

    /** All tokens are generated and the slot is given back. */
    void finished();
  }

  /** An answer length in tokens, drawn around the configured mean; at least 1. */
  int drawLength(SplittableRandom random) {
    double spread = options.outputTokensSpread() * (2 * random.nextDouble() - 1);
    return Math.max(1, (int) Math.round(options.outputTokens() * (1 + spread)));
  }

  /**
   * Starts a generation of {@code tokens} tokens for {@code prompt} prompt tokens. When the queue
   * is full it answers the exchange with the overload status itself.
   */
  void generate(Exchange ex, int prompt, int tokens, boolean streaming, Listener listener) {
    if (!generate((Host) ex, prompt, tokens, streaming, listener)) refuse(ex);
  }

  /**
   * Like {@link #generate(Exchange, int, int, boolean, Listener)} for any host; false when the
   * queue is full and the generation was refused (the host says so its own way).
   */
  boolean generate(Host host, int prompt, int tokens, boolean streaming, Listener listener) {
    Generation g = new Generation(host, tokens, streaming, listener);
    Capacity.Ticket ticket = capacity.enter(host.executor(), g::start);
    if (ticket == null) {
      metrics.rejected.increment();
      return false;
    }
    g.ticket = ticket;
    host.onAbort(() -> capacity.leave(ticket));
    metrics.promptTokens.add(prompt);
    listener.admitted();
    return true;
  }

  /** Why a generation was refused, for people. */
  String overloaded() {
    return "overloaded: "
        + capacity.slots()
        + " generations running and "
        + capacity.queueLimit()
        + " waiting; retry later";
  }

  /** The queue is full: answer at once, with a hint to come back in a second. */
  private void refuse(Exchange ex) {
    String message = overloaded();
    FullHttpResponse r =
        ex.response(
            HttpResponseStatus.valueOf(options.overloadStatus()),
            Unpooled.wrappedBuffer(Json.bytes(Json.error("overloaded", message))),
            "application/json");
    r.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
    ex.send(r);
  }

  private final class Generation {
    private final Host ex;
    private final int tokens;
    private final boolean streaming;
    private final Listener listener;
    private Capacity.Ticket ticket;
    private long firstTokenAt;
    private int sent;

    Generation(Host ex, int tokens, boolean streaming, Listener listener) {
      this.ex = ex;
      this.tokens = tokens;
      this.streaming = streaming;
      this.listener = listener;
    }

    /** Runs on the exchange's event loop when a slot is ours; may run inside enter(). */
    void start() {
      if (ex.finished()) return;
      firstTokenAt = System.nanoTime() + ttftNanos + leak.nanos();
      if (streaming) ex.at(firstTokenAt, this::nextToken);
      else ex.at(tokenTime(tokens - 1), this::complete);
    }

    private void nextToken() {
      listener.token(sent++);
      metrics.tokensGenerated.increment();
      if (sent < tokens) ex.at(tokenTime(sent), this::nextToken);
      else complete();
    }

    /** When token {@code index} is due: paced from the first token, so timer lag never adds up. */
    private long tokenTime(int index) {
      return firstTokenAt + Math.round(index * tokenNanos);
    }

    private void complete() {
      capacity.leave(ticket);
      if (!streaming) metrics.tokensGenerated.add(tokens);
      listener.finished();
    }
  }
}
