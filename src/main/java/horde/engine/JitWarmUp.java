package horde.engine;

import com.sun.management.UnixOperatingSystemMXBean;
import horde.plan.FailureReasons;
import horde.plan.TestPlan;
import horde.plan.UserPlan;
import horde.record.IntervalSnapshot;
import horde.record.Samples;
import horde.scenario.HttpSettings;
import horde.scenario.LoadProfile;
import horde.scenario.Measures;
import horde.scenario.WaitTime;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The JIT warm-up: before a load that starts large, the scenario's own users run on the run's own
 * event loops against a server in this process ({@link WarmUpServer}), with nothing sent to the
 * target, so that the JIT has compiled the request path before the first measured request.
 *
 * <p>Why: a fresh JVM runs its first requests in the interpreter while its compilers take the core
 * the load needs. With 2,000 users started at once on one core, the first second's p99 was 250-322
 * ms over a 50 ms answer and a 20 s run's p99 83-128 ms; with this warm-up 55-96 ms and 55-63 ms,
 * within wrk's own 55-59 ms in most runs (bench/results.md). It costs a run a few seconds and as
 * many CPU-seconds, which a load that starts small does not need back (its JIT compiles while it
 * ramps), so by default it runs only for a large start. It runs in rounds of fresh users on fresh
 * connections, so the profiles the JIT compiles from see a user's first request and a new
 * connection as often as a large start makes them (in one long round they are rare, the JIT
 * compiles them out, and the run's start undoes that code), until a round leaves the compilers
 * nearly idle. The server is written on the JDK's own channels, not
 * Netty, so that Netty's profiles are the client's alone.
 *
 * <p>What the run does once a second with its recorders (its statistics) is done every few
 * milliseconds of a round, on what the round recorded, so that the JIT compiles that too: left to
 * the run, it was compiled and recompiled in the load's second to sixth seconds, on the core the load
 * needed. A last round rehearses the load's own start (as many users at once, up to 2,000), the
 * compilers are given the time to finish what the rounds queued, and the rounds' garbage is
 * collected, so that neither lands in the load's first seconds.
 *
 * <pre>{@code
 * if (JitWarmUp.wanted(When.AUTO, load, plan) == null) {
 *   // statistics: for each round's engine, what takes its seconds (a throwaway StatsCollector's take)
 *   JitWarmUp.Done done = JitWarmUp.run(generator, load, options, variables, () -> stopped, statistics);
 * }
 * }</pre>
 */
public final class JitWarmUp {
  /** When to warm up: for a large start ({@code auto}), always, never. */
  public enum When {
    AUTO,
    ON,
    OFF
  }

  /** Users started in the load's first second from which {@code auto} warms up. */
  static final int LARGE_START_USERS = 1_000;
  /** Arrivals a second at the open model's start from which {@code auto} warms up. */
  static final double LARGE_START_RATE = 2_000;
  /**
   * Users of a round: connections by the hundred, as a large start opens them. As many as the load
   * starts with, up to 2,000, was measured and not kept: each round then mostly opened connections
   * (23,000-60,000 requests in 8 rounds against 80,000-100,000), it took 5.3-6.2 s, and the run's
   * tail was no better beside wrk (bench/results.md).
   */
  private static final int USERS = 500;
  /** The most users of the last round, which starts as many as the load does. */
  private static final int REHEARSAL_USERS = 2_000;
  private static final Duration ROUND = Duration.ofMillis(500);
  private static final int MIN_ROUNDS = 2;
  private static final int MAX_ROUNDS = 8;
  /** The compilers' share of a round's time under which they count as caught up. */
  private static final double QUIET = 0.2;
  /** How long the rounds' connections may take to close before the load starts anyway. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
  /** How often a round hands what it recorded to the statistics (the run: once a second). */
  private static final Duration TAKE_EVERY = Duration.ofMillis(10);
  /** The longest wait for the compilers to finish after the rounds. */
  private static final Duration SETTLE_WAIT = Duration.ofSeconds(1);
  /** A span in which the compilers must stay under a tenth busy, twice in a row, to count as done. */
  private static final Duration SETTLE_SPAN = Duration.ofMillis(20);
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** What the warm-up did: the requests its users sent, its rounds and how long it took. */
  public record Done(long requests, int rounds, Duration took) {}

  private JitWarmUp() {}

  /**
   * Why the warm-up is not run for this load, or null when it is: {@code off}; a load that starts
   * small under {@code auto}; or a scenario the local server cannot stand in for.
   */
  public static String wanted(When when, LoadProfile load, TestPlan plan) {
    if (when == When.OFF) return "turned off";
    if (!"http".equalsIgnoreCase(plan.target().getScheme())) return "the target is not plain http";
    if (plan.scenario().http().version() == HttpSettings.Version.HTTP_2) return "the scenario speaks HTTP/2";
    if (plan.uniqueFeeders().length > 0) return "a feeder is read in unique order (each row is for the measured run)";
    if (when == When.AUTO && !startsLarge(load)) return "the load starts small";
    return null;
  }

  /**
   * Whether the load holds {@link #LARGE_START_USERS} users or {@link #LARGE_START_RATE} arrivals a
   * second at the end of its first second (of its end, if sooner), as the engine's own shape and
   * schedule have it.
   */
  static boolean startsLarge(LoadProfile load) {
    return switch (load) {
      case LoadProfile.Open o ->
          ArrivalSchedule.of(o, 0).rateAt(Math.min(SECOND, o.total().toNanos() - 1)) >= LARGE_START_RATE;
      case LoadProfile.RateShape r -> r.rate().applyAsDouble(Duration.ofSeconds(1)) >= LARGE_START_RATE;
      default -> startUsers(load) >= LARGE_START_USERS;
    };
  }

  /** The users a load holds at the end of its first second (none for an arrival rate: its users come and go). */
  static int startUsers(LoadProfile load) {
    if (load instanceof LoadProfile.Open || load instanceof LoadProfile.RateShape) return 0;
    LoadShape shape = LoadShape.of(load);
    return shape.usersAt(Math.min(SECOND, shape.durationNanos() - 1));
  }

  /**
   * Runs rounds of {@link #ROUND} with {@link #USERS} of the plan's users (fewer under a low limit
   * of open files), their waits between tasks left out, on {@code generator}'s loops against a
   * {@link WarmUpServer}, until a round leaves the compilers nearly idle ({@link #MIN_ROUNDS} to
   * {@link #MAX_ROUNDS}) or {@code stop} says so; then a round of as many users as {@code load}
   * starts with, when that is more. Every {@link #TAKE_EVERY} of a round, what it recorded goes to
   * {@code statistics}' taker for that round's engine. Then the rounds' connections are closed, the
   * compilers finish and the heap is collected. Nothing reaches the target.
   */
  public static Done run(Generator generator, LoadProfile load, EngineOptions options, String[] variables,
      BooleanSupplier stop, Function<Engine, Consumer<IntervalSnapshot>> statistics) throws InterruptedException {
    long start = System.nanoTime();
    TestPlan plan = withoutWaits(generator.plan());
    long requests = 0;
    int rounds = 0;
    try (WarmUpServer server = new WarmUpServer()) {
      generator.client().detour(server.address());
      try {
        long compiled = CompilerThreads.cpuNanos();
        while (rounds < MAX_ROUNDS && !stop.getAsBoolean()) {
          long sent = round(generator, plan, users(USERS), options, variables, statistics);
          if (sent < 0) break;
          requests += sent;
          rounds++;
          long now = CompilerThreads.cpuNanos();
          if (rounds >= MIN_ROUNDS && compiled >= 0 && now - compiled < ROUND.toNanos() * QUIET) break;
          compiled = now;
        }
        int rehearsal = users(Math.max(USERS, Math.min(startUsers(load), REHEARSAL_USERS)));
        if (rehearsal > USERS && !stop.getAsBoolean()) {
          long sent = round(generator, plan, rehearsal, options, variables, statistics);
          if (sent >= 0) {
            requests += sent;
            rounds++;
          }
        }
      } finally {
        generator.client().detour(null);
        // The client closes before the server does: a server's close would reach the last round's
        // connections as end-of-stream, a branch the compiled read path had never taken, and the JIT
        // deoptimised it as the load began (-Xlog:deoptimization).
        closeConnections(generator);
      }
    }
    if (!stop.getAsBoolean()) settle();
    return new Done(requests, rounds, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * One round: fresh users on fresh connections. The connections open before it (the last round's,
   * and setup's to the target, which the pool would otherwise lend) are closed first; while one is
   * still open none is sent.
   */
  private static long round(Generator generator, TestPlan plan, int users, EngineOptions options, String[] variables,
      Function<Engine, Consumer<IntervalSnapshot>> statistics) throws InterruptedException {
    if (!closeConnections(generator)) return -1;
    var load = new LoadProfile.Closed(users, users * 10.0, ROUND, Duration.ZERO);
    Engine engine = new Engine(plan, load, options.withGracefulStop(Duration.ofMillis(200)), generator,
        new Samples(plan.endpoints().size(), FailureReasons.CAPACITY), variables, new LoadControl(), Share.WHOLE);
    Consumer<IntervalSnapshot> taker = statistics.apply(engine);
    long requests = 0;
    engine.start();
    while (!engine.finished()) {
      TimeUnit.NANOSECONDS.sleep(TAKE_EVERY.toNanos());
      requests += take(engine, taker);
    }
    engine.await();
    return requests + take(engine, taker);
  }

  /** Hands what the round recorded since the last take to the statistics; returns its requests. */
  private static long take(Engine engine, Consumer<IntervalSnapshot> taker) {
    IntervalSnapshot recorded = engine.recorded();
    taker.accept(recorded);
    return recorded.total(Measures.REQUESTS);
  }

  /** {@code wanted}, or an eighth of the limit of open files when that is lower: the run needs the rest. */
  private static int users(int wanted) {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
      return (int) Math.clamp(unix.getMaxFileDescriptorCount() / 8, 1, wanted);
    }
    return wanted;
  }

  /**
   * Waits, at most {@link #SETTLE_WAIT}, until the compilers have been nearly idle for two spans of
   * {@link #SETTLE_SPAN} (what the rounds queued for C2 is then compiled before the load, with the
   * core to itself, rather than in the load's first second), then collects the heap: the rounds'
   * garbage would otherwise bring the load's first collection into its first seconds.
   */
  private static void settle() throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE_WAIT.toNanos();
    long before = CompilerThreads.cpuNanos();
    int quiet = 0;
    while (before >= 0 && quiet < 2 && System.nanoTime() < deadline) {
      TimeUnit.NANOSECONDS.sleep(SETTLE_SPAN.toNanos());
      long now = CompilerThreads.cpuNanos();
      quiet = now - before < SETTLE_SPAN.toNanos() / 10 ? quiet + 1 : 0;
      before = now;
    }
    System.gc();
  }

  /** Closes the client's pooled connections; whether all of its sockets closed within {@link #CLOSE_WAIT}. */
  private static boolean closeConnections(Generator generator) throws InterruptedException {
    generator.client().closeAll();
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    while (generator.client().sockets() > 0) {
      if (System.nanoTime() > deadline) return false;
      TimeUnit.MILLISECONDS.sleep(5);
    }
    return true;
  }

  /** The plan with no wait between tasks: the warm-up is for the request path, not the timers. */
  private static TestPlan withoutWaits(TestPlan p) {
    List<UserPlan> users = p.users().stream().map(u -> new UserPlan(u.index(), u.name(), u.weight(), WaitTime.NONE,
        u.onStart(), u.tasks(), u.onStop(), u.cumulativeWeights())).toList();
    return new TestPlan(p.scenario(), p.target(), p.endpoints(), users, p.variableNames(), p.initialVariables(),
        p.feeders(), p.uniqueFeeders(), p.reasons(), p.setup(), p.teardown(), p.tokenizer(), p.tracked(), p.requests(),
        p.redaction());
  }
}
