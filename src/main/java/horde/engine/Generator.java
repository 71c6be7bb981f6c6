package horde.engine;

import horde.plan.FailureReasons;
import horde.plan.StepPlan;
import horde.plan.TestPlan;
import horde.plan.UserPlan;
import horde.protocol.http.ClientSettings;
import horde.protocol.http.HttpClient;
import horde.protocol.http.Origin;
import horde.protocol.http.Transport;
import horde.record.Health;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.scenario.Measures;
import horde.scenario.HttpSettings;
import horde.scenario.LoadProfile;
import horde.scenario.WaitTime;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The load generator of one test: event loops and an HTTP client, shared by the setup steps,
 * each run ({@link Engine}) and the teardown steps, so connections carry over between phases.
 *
 * <pre>{@code
 * try (Generator g = new Generator(plan, options)) {
 *   OnceResult setup = g.once(plan.setup(), plan.initialVariables());
 *   Engine run = g.engine(load, samples, setup.variables());
 * }
 * }</pre>
 */
public final class Generator implements AutoCloseable {
  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(5);
  private final TestPlan plan;
  private final EngineOptions options;
  private final MultiThreadIoEventLoopGroup loops;
  private final HttpClient client;
  private final RequestRenderer renderer;
  private final GeneratorWatch watch;
  private final FatalErrors fatal = new FatalErrors();

  static {
    NettyDefaults.apply();
  }

  public Generator(TestPlan plan, EngineOptions options) {
    this.plan = plan;
    this.options = options;
    Transport transport = Transport.best();
    int threads = threads(plan.scenario().http(), options);
    this.loops = transport.newGroup(threads, "horde-loop", fatal);
    this.client = new HttpClient(loops, transport, clientSettings(plan, threads), fatal::report);
    this.renderer = new RequestRenderer(Origin.of(plan.target()), plan.basePath(), plan.requests());
    if (plan.tracksLlm()) plan.tokenizer().warm(); // before the load: no event loop waits for the vocabulary
    Preload.beforeLoad();
    this.watch = new GeneratorWatch(loops, client);
  }

  /** The generator's own state since the last call: loop lag, CPU, GC, descriptors, pool waits. */
  public Health health() {
    return watch.sample();
  }

  /** No more loops than connections allowed: each loop needs one to serve its users. */
  public static int threads(HttpSettings http, EngineOptions options) {
    int n = options.threadCount();
    return http.maxConnections() > 0 ? Math.min(n, http.maxConnections()) : n;
  }

  /**
   * The connection limit split evenly over the loops, rounded down, so it is never exceeded; of
   * an answer's headers, only those the plan reads are kept.
   */
  private static ClientSettings clientSettings(TestPlan plan, int loops) {
    HttpSettings http = plan.scenario().http();
    int perLoop = http.maxConnections() / loops;
    return new ClientSettings(perLoop, http.connectTimeout(), http.insecure(), http.maxRedirects(), http.gzip(),
        plan.readHeaders(), ClientSettings.Version.valueOf(http.version().name()), http.maxStreams());
  }

  /** A run of {@code load}, its users starting from {@code variables}, recording into {@code samples}. */
  public Engine engine(LoadProfile load, Samples samples, String[] variables) {
    return engine(load, samples, variables, new LoadControl(), Share.WHOLE);
  }

  /**
   * A run of this generator's {@code share} of {@code load} (a cluster worker's part; the whole on
   * one machine), steered from outside by {@code control} (the web UI).
   */
  public Engine engine(LoadProfile load, Samples samples, String[] variables, LoadControl control, Share share) {
    return new Engine(plan, load, options, this, samples, variables, control, share);
  }

  /** An empty snapshot of this plan's shape: its endpoints, every measure, every reason id. */
  public IntervalSnapshot shape() {
    Measures m = plan.measures();
    return new IntervalSnapshot(plan.endpoints().size(), m.histogramCount(), m.counterCount(), FailureReasons.CAPACITY);
  }

  /** A recorder for each event loop. */
  Map<EventLoop, LoopRecorder> recorders(Samples samples) {
    IntervalSnapshot shape = shape();
    Map<EventLoop, LoopRecorder> out = new IdentityHashMap<>();
    for (EventExecutor e : loops) out.put((EventLoop) e, new LoopRecorder(shape, samples));
    return out;
  }

  RunContext context(Map<EventLoop, LoopRecorder> recorders, long budget, Population population, String[] variables) {
    return new RunContext(plan, recorders, client, renderer, options.seed(), budget, population, variables, fatal);
  }

  /** The first fatal error in one of this generator's threads, if any: the test stops on it. */
  public FatalErrors fatal() {
    return fatal;
  }

  TestPlan plan() {
    return plan;
  }

  MultiThreadIoEventLoopGroup loops() {
    return loops;
  }

  HttpClient client() {
    return client;
  }

  /**
   * What a run of steps once (setup, teardown) did.
   *
   * @param variables the user variables afterwards: what setup saved is every user's start
   * @param failure the first failure (reason and sample), or null when every request succeeded
   */
  public record OnceResult(String[] variables, long requests, String failure) {}

  /** Runs the steps once with a single user, outside the measured runs; waits at most {@code limit}. */
  public OnceResult once(List<StepPlan> steps, String[] variables, Duration limit) {
    return once(steps, variables, limit, () -> false);
  }

  /**
   * Like {@link #once(List, String[], Duration)}, cut off as soon as {@code stop} says so (Ctrl-C):
   * what is in flight is cancelled, and the failure says it was stopped.
   */
  public OnceResult once(List<StepPlan> steps, String[] variables, Duration limit, BooleanSupplier stop) {
    if (steps.isEmpty()) return new OnceResult(variables.clone(), 0, null);
    Samples samples = new Samples(plan.endpoints().size(), FailureReasons.CAPACITY);
    UserPlan user = new UserPlan(0, "setup", 1, WaitTime.NONE, steps, List.of(), List.of(), new long[0]);
    Population population = new Population(List.of(user), loops);
    RunContext run = context(recorders(samples), Long.MAX_VALUE, population, variables);
    population.attach(run);
    VirtualUser u = population.one(user);
    long deadline = System.nanoTime() + limit.toNanos();
    while (population.alive() > 0 && System.nanoTime() < deadline && !fatal.happened() && !stop.getAsBoolean()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    if (fatal.happened()) return new OnceResult(variables.clone(), 0, "stopped by a fatal error: " + fatal.describe());
    if (population.alive() > 0) {
      u.loop.execute(u::cancel);
      return new OnceResult(variables.clone(), 0, stop.getAsBoolean() ? "stopped" : "did not finish within " + limit.toSeconds() + "s");
    }
    IntervalSnapshot recorded = shape();
    run.recorders().forEach(r -> r.drainInto(recorded));
    return new OnceResult(u.variables.clone(), recorded.total(Measures.REQUESTS), plan.redaction().apply(firstFailure(recorded, samples)));
  }

  private String firstFailure(IntervalSnapshot s, Samples samples) {
    for (int e = 0; e < s.endpoints(); e++) {
      for (int reason = 0; reason < plan.reasons().size(); reason++) {
        if (s.reasonCount(e, reason) == 0) continue;
        String sample = samples.get(e, reason);
        return plan.endpoints().get(e).label() + ": " + plan.reasons().name(reason) + (sample == null ? "" : " (" + sample + ")");
      }
    }
    return null;
  }

  /**
   * Stops the event loops; returns within {@link #CLOSE_LIMIT} whatever state they are in, so that
   * a stuck or dead loop cannot keep the result from being written (the threads are daemons).
   */
  @Override
  public void close() {
    watch.close();
    boolean stopped = loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(CLOSE_LIMIT.toMillis());
    if (stopped) renderer.release(); // a loop still running may yet write the shared buffers
  }
}
