package horde.simulator;

import java.time.Duration;

/**
 * Collects {@link SimulatorOptions} one setting at a time; {@link #build()} validates them all.
 * Starts from the defaults, so set only what differs:
 *
 * <pre>{@code
 * SimulatorOptions.builder().capacity(2).queue(2).overloadStatus(503).build();
 * }</pre>
 */
public final class SimulatorOptionsBuilder {
  private String host = SimulatorOptions.DEFAULT_HOST;
  private int port;
  private long seed = SimulatorOptions.DEFAULT_SEED;
  private int threads;
  private int capacity = SimulatorOptions.DEFAULT_CAPACITY;
  private int queue = SimulatorOptions.DEFAULT_QUEUE;
  private int overloadStatus = SimulatorOptions.DEFAULT_OVERLOAD_STATUS;
  private Duration timeToFirstToken = Duration.ofMillis(SimulatorOptions.DEFAULT_TTFT_MS);
  private double tokensPerSecond = SimulatorOptions.DEFAULT_TOKENS_PER_SECOND;
  private int outputTokens = SimulatorOptions.DEFAULT_OUTPUT_TOKENS;
  private double outputTokensSpread = SimulatorOptions.DEFAULT_OUTPUT_TOKENS_SPREAD;
  private double cacheHitRatio = SimulatorOptions.DEFAULT_CACHE_HIT_RATIO;
  private Duration cacheHitLatency =
      Duration.ofMillis(SimulatorOptions.DEFAULT_CACHE_HIT_LATENCY_MS);
  private double errorRate = SimulatorOptions.DEFAULT_ERROR_RATE;
  private Duration jobDuration = Duration.ofMillis(SimulatorOptions.DEFAULT_JOB_DURATION_MS);
  private Duration ragMissLatency = Duration.ofMillis(SimulatorOptions.DEFAULT_RAG_MISS_LATENCY_MS);
  private Duration ragHitLatency = Duration.ofMillis(SimulatorOptions.DEFAULT_RAG_HIT_LATENCY_MS);
  private Duration leak = Duration.ZERO;

  SimulatorOptionsBuilder() {}

  SimulatorOptionsBuilder(SimulatorOptions o) {
    host = o.host();
    port = o.port();
    seed = o.seed();
    threads = o.threads();
    capacity = o.capacity();
    queue = o.queue();
    overloadStatus = o.overloadStatus();
    timeToFirstToken = o.timeToFirstToken();
    tokensPerSecond = o.tokensPerSecond();
    outputTokens = o.outputTokens();
    outputTokensSpread = o.outputTokensSpread();
    cacheHitRatio = o.cacheHitRatio();
    cacheHitLatency = o.cacheHitLatency();
    errorRate = o.errorRate();
    jobDuration = o.jobDuration();
    ragMissLatency = o.ragMissLatency();
    ragHitLatency = o.ragHitLatency();
    leak = o.leak();
  }

  public SimulatorOptionsBuilder host(String v) {
    host = v;
    return this;
  }

  public SimulatorOptionsBuilder port(int v) {
    port = v;
    return this;
  }

  public SimulatorOptionsBuilder seed(long v) {
    seed = v;
    return this;
  }

  public SimulatorOptionsBuilder threads(int v) {
    threads = v;
    return this;
  }

  public SimulatorOptionsBuilder capacity(int v) {
    capacity = v;
    return this;
  }

  public SimulatorOptionsBuilder queue(int v) {
    queue = v;
    return this;
  }

  /** 429 or 503. */
  public SimulatorOptionsBuilder overloadStatus(int v) {
    overloadStatus = v;
    return this;
  }

  public SimulatorOptionsBuilder timeToFirstToken(Duration v) {
    timeToFirstToken = v;
    return this;
  }

  public SimulatorOptionsBuilder tokensPerSecond(double v) {
    tokensPerSecond = v;
    return this;
  }

  public SimulatorOptionsBuilder outputTokens(int v) {
    outputTokens = v;
    return this;
  }

  /** Relative, 0 to 1: 0 makes every answer exactly {@code outputTokens} long. */
  public SimulatorOptionsBuilder outputTokensSpread(double v) {
    outputTokensSpread = v;
    return this;
  }

  public SimulatorOptionsBuilder cacheHitRatio(double v) {
    cacheHitRatio = v;
    return this;
  }

  public SimulatorOptionsBuilder cacheHitLatency(Duration v) {
    cacheHitLatency = v;
    return this;
  }

  public SimulatorOptionsBuilder errorRate(double v) {
    errorRate = v;
    return this;
  }

  public SimulatorOptionsBuilder jobDuration(Duration v) {
    jobDuration = v;
    return this;
  }

  public SimulatorOptionsBuilder ragMissLatency(Duration v) {
    ragMissLatency = v;
    return this;
  }

  public SimulatorOptionsBuilder ragHitLatency(Duration v) {
    ragHitLatency = v;
    return this;
  }

  /** Latency added per minute of the simulator's uptime (a slow leak); zero for none. */
  public SimulatorOptionsBuilder leak(Duration v) {
    leak = v;
    return this;
  }

  /** Throws {@link IllegalArgumentException} naming the first invalid setting. */
  public SimulatorOptions build() {
    return new SimulatorOptions(
        host,
        port,
        seed,
        threads,
        capacity,
        queue,
        overloadStatus,
        timeToFirstToken,
        tokensPerSecond,
        outputTokens,
        outputTokensSpread,
        cacheHitRatio,
        cacheHitLatency,
        errorRate,
        jobDuration,
        ragMissLatency,
        ragHitLatency,
        leak);
  }
}
