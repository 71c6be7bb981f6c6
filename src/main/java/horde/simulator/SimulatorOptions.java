package horde.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated AI backend behaves. Immutable; start from {@link #defaults()} and change what
 * matters:
 *
 * <pre>{@code
 * SimulatorOptions options = SimulatorOptions.builder()
 *     .capacity(2).queue(2).timeToFirstToken(Duration.ofMillis(50)).build();
 * }</pre>
 *
 * <p>The defaults put the knee where a short demo crosses it: 16 generations of about 1.35 s each
 * serve about 12 answers per second; past 16 + 16 outstanding generations the rest are refused with
 * 429.
 *
 * @param host address to bind, {@code 127.0.0.1} by default
 * @param port TCP port; 0 picks any free port
 * @param seed seeds every random draw (output length, cache hits, injected errors, ids)
 * @param threads event-loop threads; 0 means one per available core
 * @param capacity generations that run at once (at least 1)
 * @param queue generations that may wait for a free slot beyond {@code capacity} (0 or more)
 * @param overloadStatus status answered when the queue is full: 429 (with {@code Retry-After}) or
 *     503
 * @param timeToFirstToken delay from admission to the first token; queue wait comes on top
 * @param tokensPerSecond output speed of one generation, tokens per second (above 0)
 * @param outputTokens mean answer length in tokens (at least 1); a request's {@code max_tokens}
 *     caps it
 * @param outputTokensSpread relative spread of the answer length: lengths are uniform in {@code
 *     outputTokens × (1 ± spread)}, 0 to 1
 * @param cacheHitRatio fraction of conversation answers served from the answer cache, 0 to 1
 * @param cacheHitLatency how long a cached conversation answer takes; it takes no generation slot
 * @param errorRate fraction of requests answered 500 (and of async jobs that fail), 0 to 1
 * @param jobDuration how long an async job runs once it leaves its short queued state
 * @param ragMissLatency how long a RAG search takes when the query is not cached
 * @param ragHitLatency how long a RAG search takes when the query is cached
 * @param leak a slow leak: this much more latency for every minute the simulator has run, added to
 *     every generation's time to first token (so its slot is held longer too), every RAG search and
 *     every cached answer; zero for none. A known degradation for drift tests and demos
 */
public record SimulatorOptions(
    String host,
    int port,
    long seed,
    int threads,
    int capacity,
    int queue,
    int overloadStatus,
    Duration timeToFirstToken,
    double tokensPerSecond,
    int outputTokens,
    double outputTokensSpread,
    double cacheHitRatio,
    Duration cacheHitLatency,
    double errorRate,
    Duration jobDuration,
    Duration ragMissLatency,
    Duration ragHitLatency,
    Duration leak) {

  // Compile-time constants so that CLI option defaults can name them in annotations.
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_CAPACITY = 16;
  public static final int DEFAULT_QUEUE = 16;
  public static final int DEFAULT_OVERLOAD_STATUS = 429;
  public static final int DEFAULT_TTFT_MS = 150;
  public static final double DEFAULT_TOKENS_PER_SECOND = 50;
  public static final int DEFAULT_OUTPUT_TOKENS = 60;
  public static final double DEFAULT_OUTPUT_TOKENS_SPREAD = 0.5;
  public static final double DEFAULT_CACHE_HIT_RATIO = 0.3;
  public static final int DEFAULT_CACHE_HIT_LATENCY_MS = 15;
  public static final double DEFAULT_ERROR_RATE = 0;
  public static final int DEFAULT_JOB_DURATION_MS = 2000;
  public static final int DEFAULT_RAG_MISS_LATENCY_MS = 40;
  public static final int DEFAULT_RAG_HIT_LATENCY_MS = 2;

  /** Validates every field; throws {@link IllegalArgumentException} naming the bad one. */
  public SimulatorOptions {
    Objects.requireNonNull(host, "host");
    require(port >= 0 && port <= 65535, "port must be 0 to 65535, was " + port);
    require(threads >= 0, "threads must be 0 or more, was " + threads);
    require(capacity >= 1, "capacity must be at least 1, was " + capacity);
    require(queue >= 0, "queue must be 0 or more, was " + queue);
    require(
        overloadStatus == 429 || overloadStatus == 503,
        "overload status must be 429 or 503, was " + overloadStatus);
    requireDelay(timeToFirstToken, "time to first token");
    require(tokensPerSecond > 0, "tokens per second must be above 0, was " + tokensPerSecond);
    require(outputTokens >= 1, "output tokens must be at least 1, was " + outputTokens);
    requireFraction(outputTokensSpread, "output tokens spread");
    requireFraction(cacheHitRatio, "cache-hit ratio");
    requireDelay(cacheHitLatency, "cache-hit latency");
    requireFraction(errorRate, "error rate");
    requireDelay(jobDuration, "job duration");
    requireDelay(ragMissLatency, "RAG miss latency");
    requireDelay(ragHitLatency, "RAG hit latency");
    leak = leak == null ? Duration.ZERO : leak;
    requireDelay(leak, "leak");
  }

  /** The defaults described on each {@code DEFAULT_} constant; binds 127.0.0.1 on any port. */
  public static SimulatorOptions defaults() {
    return new SimulatorOptionsBuilder().build();
  }

  /** A builder starting from the defaults. */
  public static SimulatorOptionsBuilder builder() {
    return new SimulatorOptionsBuilder();
  }

  /** A builder holding these values, to change a few. */
  public SimulatorOptionsBuilder toBuilder() {
    return new SimulatorOptionsBuilder(this);
  }

  /** Shortcut for {@code toBuilder().port(port).build()}. */
  public SimulatorOptions withPort(int port) {
    return toBuilder().port(port).build();
  }

  /** Shortcut for {@code toBuilder().seed(seed).build()}. */
  public SimulatorOptions withSeed(long seed) {
    return toBuilder().seed(seed).build();
  }

  /** One line for a console: the settings someone tuning a demo cares about. */
  public String summary() {
    return "capacity="
        + capacity
        + " queue="
        + queue
        + " overload="
        + overloadStatus
        + " ttft="
        + timeToFirstToken.toMillis()
        + "ms tokens/s="
        + trim(tokensPerSecond)
        + " output-tokens="
        + outputTokens
        + " cache-hit="
        + trim(cacheHitRatio)
        + " errors="
        + trim(errorRate)
        + " job="
        + jobDuration.toMillis()
        + "ms seed="
        + seed
        + (leak.isZero() ? "" : " leak=" + leak.toMillis() + "ms/min");
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static void require(boolean ok, String message) {
    if (!ok) throw new IllegalArgumentException(message);
  }

  private static void requireFraction(double value, String name) {
    require(value >= 0 && value <= 1, name + " must be between 0 and 1, was " + value);
  }

  private static void requireDelay(Duration d, String name) {
    Objects.requireNonNull(d, name);
    require(!d.isNegative(), name + " must not be negative, was " + d);
  }
}
