package horde.engine;

import horde.plan.FailureReasons;
import horde.plan.StepPlan;
import horde.plan.TestPlan;
import horde.plan.UserPlan;
import horde.protocol.http.ClientSettings;
import horde.protocol.http.HttpClient;
import horde.protocol.http.Origin;
import horde.protocol.http.Transport;
import horde.record.LlmRecorder;
import horde.record.MetricRecorder;
import horde.scenario.HttpSettings;
import horde.scenario.LoadProfile;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of one test: event loops and an HTTP client, shared by the setup steps,
 * each run ({@link Engine}) and the teardown steps, so connections carry over between phases.
 *
 * <pre>{@code
 * try (Generator g = new Generator(plan, options)) {
 *   Once setup = g.once(plan.setup(), plan.initialVariables());
 *   Engine run = g.engine(load, recorder, setup.variables());
 * }
 * }</pre>
 */
public final class Generator implements AutoCloseable {
  private final TestPlan plan;
  private final EngineOptions options;
  private final MultiThreadIoEventLoopGroup loops;
  private final HttpClient client;
  private final RequestRenderer renderer;

  public Generator(TestPlan plan, EngineOptions options) {
    this.plan = plan;
    this.options = options;
    Transport transport = Transport.best();
    int threads = threads(plan.scenario().http(), options);
    this.loops = transport.newGroup(threads, "horde-loop");
    this.client = new HttpClient(loops, transport, clientSettings(plan.scenario().http(), threads));
    this.renderer = new RequestRenderer(Origin.of(plan.target()), plan.basePath(), plan.requests());
    if (plan.tracksLlm()) plan.tokenizer().warm(); // before the load: no event loop waits for the vocabulary
  }

  /** No more loops than connections allowed: each loop needs one to serve its users. */
  public static int threads(HttpSettings http, EngineOptions options) {
    int n = options.threadCount();
    return http.maxConnections() > 0 ? Math.min(n, http.maxConnections()) : n;
  }

  /** The connection limit split evenly over the loops, rounded down, so it is never exceeded. */
  private static ClientSettings clientSettings(HttpSettings http, int loops) {
    int perLoop = http.maxConnections() / loops;
    return new ClientSettings(perLoop, http.connectTimeout(), http.insecure(), http.maxRedirects(), http.gzip());
  }

  /**
   * A run of {@code load}, its users starting from {@code variables}.
   *
   * @param llm where streaming and token figures go; null when the plan tracks none
   */
  public Engine engine(LoadProfile load, MetricRecorder recorder, LlmRecorder llm, String[] variables) {
    return new Engine(plan, load, options, this, recorder, llm, variables);
  }

  RunContext context(MetricRecorder recorder, LlmRecorder llm, long budget, Population population, String[] variables) {
    return new RunContext(plan, recorder, client, renderer, options.seed(), budget, population, variables, llm);
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
  public record Once(String[] variables, long requests, String failure) {}

  /** Runs the steps once with a single user, outside the measured runs; waits at most {@code limit}. */
  public Once once(List<StepPlan> steps, String[] variables, Duration limit) {
    if (steps.isEmpty()) return new Once(variables.clone(), 0, null);
    MetricRecorder recorder = new MetricRecorder(plan.endpoints().size(), FailureReasons.CAPACITY);
    UserPlan user = new UserPlan(0, "setup", 1, horde.scenario.WaitTime.NONE, steps, List.of(), List.of(), new long[0]);
    Population population = new Population(List.of(user), loops);
    LlmRecorder llm = plan.tracksLlm() ? new LlmRecorder(plan.endpoints().size()) : null;
    RunContext run = context(recorder, llm, Long.MAX_VALUE, population, variables);
    population.attach(run);
    VirtualUser u = population.one(user);
    long deadline = System.nanoTime() + limit.toNanos();
    while (population.alive() > 0 && System.nanoTime() < deadline) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    if (population.alive() > 0) {
      u.loop.execute(u::cancel);
      return new Once(variables.clone(), 0, "did not finish within " + limit.toSeconds() + "s");
    }
    return new Once(u.variables.clone(), requests(recorder), plan.redaction().apply(firstFailure(recorder)));
  }

  private long requests(MetricRecorder r) {
    long n = 0;
    for (int e = 0; e < r.endpoints(); e++) n += r.count(e, MetricRecorder.REQUESTS);
    return n;
  }

  private String firstFailure(MetricRecorder r) {
    for (int e = 0; e < r.endpoints(); e++) {
      for (int reason = 0; reason < plan.reasons().size(); reason++) {
        if (r.failures(e, reason) == 0) continue;
        String sample = r.sample(e, reason);
        return plan.endpoints().get(e).label() + ": " + plan.reasons().name(reason) + (sample == null ? "" : " (" + sample + ")");
      }
    }
    return null;
  }

  @Override
  public void close() {
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    renderer.release();
  }
}
