package horde.simulator;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator counts, for {@code /metrics} and {@code /api/costs}. A response is counted
 * once, when its status goes out (a stream when its headers do); a client that leaves before any
 * status counts as 499, nginx's "client closed request", so the counts reconcile with what a load
 * generator sent. Counting is lock-free: {@code /health} is on the hot path.
 */
final class Metrics {
  private static final int STATUSES = 600;
  private static final Endpoint[] ENDPOINTS = Endpoint.values();
  private static final String P = "horde_simulator_";

  private final AtomicLongArray responses = new AtomicLongArray(ENDPOINTS.length * STATUSES);
  final LongAdder rejected = new LongAdder();
  final LongAdder errorsInjected = new LongAdder();
  final LongAdder promptTokens = new LongAdder();
  final LongAdder tokensGenerated = new LongAdder();
  final LongAdder tokensFromCache = new LongAdder();
  final LongAdder answerCacheHits = new LongAdder();
  final LongAdder answerCacheMisses = new LongAdder();
  final LongAdder ragCacheHits = new LongAdder();
  final LongAdder ragCacheMisses = new LongAdder();
  final LongAdder acceptPauses = new LongAdder();
  final LongAdder wsOpen = new LongAdder();
  final LongAdder wsMessagesIn = new LongAdder();
  final LongAdder wsMessagesOut = new LongAdder();
  final LongAdder wsPings = new LongAdder();
  final LongAdder wsPongs = new LongAdder();
  final LatencyBuckets latency = new LatencyBuckets();

  /** Counts one response with {@code status} (100 to 599) on {@code endpoint}. */
  void answered(Endpoint endpoint, int status) {
    responses.incrementAndGet(endpoint.ordinal() * STATUSES + status);
  }

  /** All responses counted so far, any endpoint and status. */
  long responses() {
    long sum = 0;
    for (int i = 0; i < responses.length(); i++) sum += responses.get(i);
    return sum;
  }

  /** The whole exposition, with the capacity gauges read now. */
  String render(Capacity capacity, Leak leak) {
    PrometheusText out = new PrometheusText();
    out.family(P + "requests_total", "counter", "Responses by method, endpoint and status.");
    for (Endpoint e : ENDPOINTS) {
      for (int status = 100; status < STATUSES; status++) {
        long n = responses.get(e.ordinal() * STATUSES + status);
        if (n == 0) continue;
        String method = e.method().isEmpty() ? "other" : e.method();
        out.sample(
            P + "requests_total",
            n,
            "method",
            method,
            "endpoint",
            e.template(),
            "status",
            Integer.toString(status));
      }
    }
    out.family(P + "queue_depth", "gauge", "Generations waiting for a slot.")
        .sample(P + "queue_depth", capacity.waiting());
    out.family(P + "active_generations", "gauge", "Generations running now.")
        .sample(P + "active_generations", capacity.running());
    out.family(P + "generation_capacity", "gauge", "Generations that may run at once.")
        .sample(P + "generation_capacity", capacity.slots());
    out.family(P + "queue_capacity", "gauge", "Generations that may wait.")
        .sample(P + "queue_capacity", capacity.queueLimit());
    out.family(P + "rejected_total", "counter", "Requests refused because the queue was full.")
        .sample(P + "rejected_total", rejected.sum());
    out.family(P + "errors_injected_total", "counter", "Requests answered 500 on purpose.")
        .sample(P + "errors_injected_total", errorsInjected.sum());
    out.family(P + "cache_hits_total", "counter", "Cache hits by cache.")
        .sample(P + "cache_hits_total", answerCacheHits.sum(), "cache", "answer")
        .sample(P + "cache_hits_total", ragCacheHits.sum(), "cache", "rag");
    out.family(P + "cache_misses_total", "counter", "Cache misses by cache.")
        .sample(P + "cache_misses_total", answerCacheMisses.sum(), "cache", "answer")
        .sample(P + "cache_misses_total", ragCacheMisses.sum(), "cache", "rag");
    out.family(P + "prompt_tokens_total", "counter", "Prompt tokens received by the model.")
        .sample(P + "prompt_tokens_total", promptTokens.sum());
    out.family(P + "tokens_generated_total", "counter", "Completion tokens the model generated.")
        .sample(P + "tokens_generated_total", tokensGenerated.sum());
    out.family(P + "cached_tokens_total", "counter", "Completion tokens served from the cache.")
        .sample(P + "cached_tokens_total", tokensFromCache.sum());
    out.family(P + "accept_pauses_total", "counter", "Times accepting paused: no file descriptor was left.")
        .sample(P + "accept_pauses_total", acceptPauses.sum());
    out.family(P + "ws_sessions", "gauge", "WebSocket chat sessions open now.")
        .sample(P + "ws_sessions", wsOpen.sum());
    out.family(P + "ws_messages_total", "counter", "WebSocket chat messages by direction.")
        .sample(P + "ws_messages_total", wsMessagesIn.sum(), "direction", "in")
        .sample(P + "ws_messages_total", wsMessagesOut.sum(), "direction", "out");
    out.family(P + "ws_pings_total", "counter", "Pings sent to WebSocket clients.")
        .sample(P + "ws_pings_total", wsPings.sum());
    out.family(P + "ws_pongs_total", "counter", "Pongs WebSocket clients answered them with.")
        .sample(P + "ws_pongs_total", wsPongs.sum());
    out.family(P + "leak_seconds", "gauge", "Latency the slow leak adds now (--leak).")
        .sample(P + "leak_seconds", leak.nanos() / 1e9);
    latency.render(out, P + "request_duration_seconds");
    return out.toString();
  }
}
