package horde.cli;

import horde.scenario.Durations;
import horde.simulator.Simulator;
import horde.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code horde simulate}: runs the built-in AI-backend simulator in the foreground until Ctrl-C.
 *
 * <pre>
 * horde simulate --port 8000 --capacity 8 --ttft 300ms --tokens-per-second 30
 * </pre>
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionInfo.class,
    description =
        "Runs a simulated AI backend (chat completions, conversations, RAG, jobs, agents) with"
            + " limited capacity, so load tests see latency rise and 429s past the knee."
            + " See docs/simulator.md for the endpoints.")
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8000",
      description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = SimulatorOptions.DEFAULT_HOST,
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--seed",
      defaultValue = "" + SimulatorOptions.DEFAULT_SEED,
      description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "Event-loop threads; 0 = one per core (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--capacity",
      defaultValue = "" + SimulatorOptions.DEFAULT_CAPACITY,
      description = "Generations running at once (default: ${DEFAULT-VALUE}).")
  int capacity;

  @Option(
      names = "--queue",
      defaultValue = "" + SimulatorOptions.DEFAULT_QUEUE,
      description = "Generations that may wait for a slot (default: ${DEFAULT-VALUE}).")
  int queue;

  @Option(
      names = "--overload-status",
      defaultValue = "" + SimulatorOptions.DEFAULT_OVERLOAD_STATUS,
      description = "429 or 503 when the queue is full (default: ${DEFAULT-VALUE}).")
  int overloadStatus;

  @Option(
      names = "--ttft",
      defaultValue = SimulatorOptions.DEFAULT_TTFT_MS + "ms",
      converter = DurationText.class,
      description = "Time to first token once running (default: ${DEFAULT-VALUE}).")
  Duration ttft;

  @Option(
      names = "--tokens-per-second",
      defaultValue = "" + SimulatorOptions.DEFAULT_TOKENS_PER_SECOND,
      description = "Output speed of one generation (default: ${DEFAULT-VALUE}).")
  double tokensPerSecond;

  @Option(
      names = "--output-tokens",
      defaultValue = "" + SimulatorOptions.DEFAULT_OUTPUT_TOKENS,
      description = "Mean answer length in tokens (default: ${DEFAULT-VALUE}).")
  int outputTokens;

  @Option(
      names = "--output-tokens-spread",
      defaultValue = "" + SimulatorOptions.DEFAULT_OUTPUT_TOKENS_SPREAD,
      description = "Relative spread of answer lengths, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double outputTokensSpread;

  @Option(
      names = "--cache-hit-ratio",
      defaultValue = "" + SimulatorOptions.DEFAULT_CACHE_HIT_RATIO,
      description = "Share of conversation answers served from cache (default: ${DEFAULT-VALUE}).")
  double cacheHitRatio;

  @Option(
      names = "--cache-hit-latency",
      defaultValue = SimulatorOptions.DEFAULT_CACHE_HIT_LATENCY_MS + "ms",
      converter = DurationText.class,
      description = "Latency of a cached answer (default: ${DEFAULT-VALUE}).")
  Duration cacheHitLatency;

  @Option(
      names = "--error-rate",
      defaultValue = "" + SimulatorOptions.DEFAULT_ERROR_RATE,
      description = "Share of requests answered 500 (default: ${DEFAULT-VALUE}).")
  double errorRate;

  @Option(
      names = "--job-duration",
      defaultValue = SimulatorOptions.DEFAULT_JOB_DURATION_MS + "ms",
      converter = DurationText.class,
      description = "How long an async job runs (default: ${DEFAULT-VALUE}).")
  Duration jobDuration;

  @Option(
      names = "--rag-latency",
      defaultValue = SimulatorOptions.DEFAULT_RAG_MISS_LATENCY_MS + "ms",
      converter = DurationText.class,
      description = "RAG search latency on a cache miss (default: ${DEFAULT-VALUE}).")
  Duration ragMissLatency;

  @Option(
      names = "--rag-hit-latency",
      defaultValue = SimulatorOptions.DEFAULT_RAG_HIT_LATENCY_MS + "ms",
      converter = DurationText.class,
      description = "RAG search latency on a cache hit (default: ${DEFAULT-VALUE}).")
  Duration ragHitLatency;

  @Option(
      names = "--leak",
      defaultValue = "0ms",
      converter = DurationText.class,
      description = "A slow leak: latency added per minute of uptime, e.g. 20ms (default: none).")
  Duration leak;

  /** The options as given; throws {@link IllegalArgumentException} naming a bad value. */
  SimulatorOptions options() {
    return SimulatorOptions.builder()
        .host(host)
        .port(port)
        .seed(seed)
        .threads(threads)
        .capacity(capacity)
        .queue(queue)
        .overloadStatus(overloadStatus)
        .timeToFirstToken(ttft)
        .tokensPerSecond(tokensPerSecond)
        .outputTokens(outputTokens)
        .outputTokensSpread(outputTokensSpread)
        .cacheHitRatio(cacheHitRatio)
        .cacheHitLatency(cacheHitLatency)
        .errorRate(errorRate)
        .jobDuration(jobDuration)
        .ragMissLatency(ragMissLatency)
        .ragHitLatency(ragHitLatency)
        .leak(leak)
        .build();
  }

  /** Serves until the JVM is asked to stop (Ctrl-C, SIGTERM); 0 then, 2 on a bad option or port. */
  @Override
  public Integer call() throws InterruptedException {
    SimulatorOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    Simulator simulator;
    try {
      simulator = Simulator.start(options);
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println("horde simulate: " + e.getCause().getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // On Ctrl-C the JVM runs shutdown hooks: close there so connections end cleanly.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  out.println("horde simulate: stopped");
                  out.flush();
                  stopped.countDown();
                },
                "horde-simulate-stop"));
    out.println(
        "horde simulate: listening on "
            + simulator.baseUrl()
            + " ("
            + options.summary()
            + "), Ctrl-C to stop");
    out.flush();
    stopped.await();
    return 0;
  }

  /** Durations as people write them: {@code 150ms}, {@code 2s}. */
  static final class DurationText implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      return Durations.parse(text);
    }
  }
}
