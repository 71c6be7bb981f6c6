package horde.engine;

import java.time.Duration;

/**
 * How the engine runs, apart from the scenario.
 *
 * @param threads event loops; 0 = one per available processor
 * @param seed makes task choices, random waits and random feeder rows repeatable
 * @param gracefulStop how long requests in flight at the end may take to finish before they are
 *     cut off (and counted apart)
 * @param warmStart open model: arrivals of the scenario's own users sent before the first measured
 *     one and not counted ({@link WarmStart}), so that a cold JVM drops none; 0 = none
 * @param jitWarmUp when the scenario's users first run against a server in this process, so the JIT
 *     has compiled the request path before the first measured request ({@link JitWarmUp})
 */
public record EngineOptions(int threads, long seed, Duration gracefulStop, int warmStart, JitWarmUp.When jitWarmUp) {
  /** The warm start's arrivals unless set: enough for each event loop to have sent a few. */
  public static final int WARM_START = 20;
  public static final EngineOptions DEFAULTS = new EngineOptions(0, 1, Duration.ofSeconds(10));

  public EngineOptions {
    if (warmStart < 0) throw new IllegalArgumentException("warm start must be >= 0");
    if (jitWarmUp == null) jitWarmUp = JitWarmUp.When.AUTO;
  }

  public EngineOptions(int threads, long seed, Duration gracefulStop) {
    this(threads, seed, gracefulStop, WARM_START, JitWarmUp.When.AUTO);
  }

  public int threadCount() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  public EngineOptions withThreads(int n) {
    return new EngineOptions(n, seed, gracefulStop, warmStart, jitWarmUp);
  }

  public EngineOptions withSeed(long s) {
    return new EngineOptions(threads, s, gracefulStop, warmStart, jitWarmUp);
  }

  public EngineOptions withGracefulStop(Duration d) {
    return new EngineOptions(threads, seed, d, warmStart, jitWarmUp);
  }

  /** Open model: {@code n} uncounted arrivals before the first measured one; 0 turns the warm start off. */
  public EngineOptions withWarmStart(int n) {
    return new EngineOptions(threads, seed, gracefulStop, n, jitWarmUp);
  }

  /** When the JIT warm-up runs: for a load that starts large (the default), always, never. */
  public EngineOptions withJitWarmUp(JitWarmUp.When when) {
    return new EngineOptions(threads, seed, gracefulStop, warmStart, when);
  }
}
