package horde.engine;

import horde.plan.FailureReasons;
import horde.record.Samples;
import horde.scenario.LoadProfile;
import horde.scenario.Measures;
import java.time.Duration;

/**
 * The open model's warm start: a few of the scenario's own iterations sent to the target through
 * the same arrival path before the first measured arrival, and not counted.
 *
 * <p>Why: in a fresh JVM the first request of a run takes 0.5-1.5 s (loading and linking Netty's
 * connect, pipeline and Horde's request path, the interpreter running it) before any answer is
 * read. The open model keeps its schedule meanwhile, so every arrival of that time takes a user
 * and a connection of its own, none comes free, and once {@code max_users} are busy the arrivals
 * are dropped (800 of the first 2,000 at 1,000/s on a loaded machine). Paid here, that cost is
 * gone by the first arrival: the code has run, and each event loop has its connection open.
 *
 * <pre>{@code
 * long sent = WarmStart.before(generator, options, variables); // 20 requests by default; reported by the caller
 * }</pre>
 */
public final class WarmStart {
  /** Arrivals a second of the warm start: spaced like a light load, so it opens few connections. */
  private static final double RATE = 100;
  /** How long its requests may take before they are cut off: a slow target delays the run by no more. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private WarmStart() {}

  /**
   * Sends {@code options.warmStart()} arrivals of the plan's users on {@code generator}, waits for
   * them (at most {@link #GRACE} after the last is due), and returns the requests sent, answered
   * or not; 0 when the warm start is off. What they record stays in their own recorders.
   */
  public static long before(Generator generator, EngineOptions options, String[] variables) throws InterruptedException {
    int n = options.warmStart();
    if (n <= 0) return 0;
    var load = LoadProfile.Open.constant(RATE, Duration.ofNanos(Math.round(n * 1e9 / RATE)), n);
    Engine warm = new Engine(generator.plan(), load, options.withGracefulStop(GRACE), generator,
        new Samples(generator.plan().endpoints().size(), FailureReasons.CAPACITY), variables, new LoadControl(), Share.WHOLE);
    warm.start();
    EngineReport report = warm.await();
    generator.health(); // the generator's health since the last call: its lag was the warm start's, not the run's
    return warm.recorded().total(Measures.REQUESTS) + report.cancelledInFlight();
  }
}
