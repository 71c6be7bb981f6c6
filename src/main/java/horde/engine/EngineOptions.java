package horde.engine;

import java.time.Duration;

/**
 * How the engine runs, apart from the scenario.
 *
 * @param threads event loops; 0 = one per available processor
 * @param seed makes task choices, random waits and random feeder rows repeatable
 * @param gracefulStop how long requests in flight at the end may take to finish before they are
 *     cut off (and counted apart)
 */
public record EngineOptions(int threads, long seed, Duration gracefulStop) {
  public static final EngineOptions DEFAULTS = new EngineOptions(0, 1, Duration.ofSeconds(10));

  public int threadCount() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  public EngineOptions withThreads(int n) {
    return new EngineOptions(n, seed, gracefulStop);
  }

  public EngineOptions withSeed(long s) {
    return new EngineOptions(threads, s, gracefulStop);
  }

  public EngineOptions withGracefulStop(Duration d) {
    return new EngineOptions(threads, seed, d);
  }
}
