package horde.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much load, over what time. Every profile has a warm-up: the first part of the run whose
 * requests are shown in the timeline but left out of the statistics and criteria, given as a time
 * ({@link #warmup}) or as a count of requests ({@link #warmupRequests}: the whole seconds until
 * that many have completed).
 */
public sealed interface LoadProfile {
  /** A load's run time when it gives none, in a scenario file and in the Java API alike. */
  Duration DEFAULT_RUN_TIME = Duration.ofSeconds(10);
  /** A scenario's load when it gives none: one user for {@link #DEFAULT_RUN_TIME}. */
  LoadProfile DEFAULT = new Closed(1, 1, DEFAULT_RUN_TIME, Duration.ZERO);

  Duration warmup();

  /** A warm-up by count: the seconds until this many requests have completed; 0 for none. */
  long warmupRequests();

  /** The same load with a warm-up of {@code n} requests instead of its time (n = 0: none). */
  LoadProfile withWarmupRequests(long n);

  /** {@code "20 requests"} (or {@code "1 request"}) as 20; -1 when the text is no count of requests. */
  static long requestCount(String text) {
    Matcher m = Pattern.compile("\\s*([0-9]{1,18})\\s*requests?\\s*").matcher(text);
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Whether iterations arrive at a rate (the open model) rather than users looping. */
  default boolean isOpen() {
    return this instanceof Open || this instanceof RateShape;
  }

  /**
   * Locust's model: {@code users} users started at {@code spawnRate} per second, running until
   * {@code runTime} has passed since the start.
   */
  record Closed(int users, double spawnRate, Duration runTime, Duration warmup, long warmupRequests)
      implements LoadProfile {
    public Closed {
      checkCount(warmupRequests);
      if (users < 1) throw new IllegalArgumentException("users must be >= 1");
      if (!(spawnRate > 0)) throw new IllegalArgumentException("spawn_rate must be > 0");
      warmup = warmup == null ? Duration.ZERO : warmup;
      checkPositive(runTime, "run_time");
    }

    public Closed(int users, double spawnRate, Duration runTime, Duration warmup) {
      this(users, spawnRate, runTime, warmup, 0);
    }

    @Override
    public Closed withWarmupRequests(long n) {
      return new Closed(users, spawnRate, runTime, n > 0 ? Duration.ZERO : warmup, n);
    }
  }

  /** Users ramp linearly from one stage's target to the next; starts from zero. */
  record Staged(List<Stage> stages, Duration warmup, long warmupRequests) implements LoadProfile {
    public Staged {
      checkCount(warmupRequests);
      stages = List.copyOf(stages);
      if (stages.isEmpty()) throw new IllegalArgumentException("stages must not be empty");
      warmup = warmup == null ? Duration.ZERO : warmup;
    }

    public Staged(List<Stage> stages, Duration warmup) {
      this(stages, warmup, 0);
    }

    @Override
    public Staged withWarmupRequests(long n) {
      return new Staged(stages, n > 0 ? Duration.ZERO : warmup, n);
    }

    public Duration total() {
      return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }
  }

  /**
   * The open model: task iterations arrive at a rate (per second), whatever the target's speed;
   * each is run by a free virtual user, at most {@code maxUsers} at once. An arrival that finds no
   * free user is a dropped iteration, counted, never delayed. Latency counts from each iteration's
   * intended start. The rate ramps linearly from {@code startRate} through each stage's target
   * (a constant rate is one stage whose target equals the start).
   */
  record Open(double startRate, List<RateStage> stages, int maxUsers, Arrivals arrivals, Duration warmup,
      long warmupRequests) implements LoadProfile {
    /** How arrivals are spaced: evenly, or as a Poisson process with the same mean rate. */
    public enum Arrivals {
      CONSTANT,
      POISSON
    }

    public static final int DEFAULT_MAX_USERS = 1000;

    public Open {
      stages = List.copyOf(stages);
      if (stages.isEmpty()) throw new IllegalArgumentException("an arrival rate needs a duration");
      if (startRate < 0) throw new IllegalArgumentException("rate must be >= 0");
      if (maxUsers < 1) throw new IllegalArgumentException("max_users must be >= 1");
      checkCount(warmupRequests);
      arrivals = arrivals == null ? Arrivals.CONSTANT : arrivals;
      warmup = warmup == null ? Duration.ZERO : warmup;
    }

    public Open(double startRate, List<RateStage> stages, int maxUsers, Arrivals arrivals, Duration warmup) {
      this(startRate, stages, maxUsers, arrivals, warmup, 0);
    }

    @Override
    public Open withWarmupRequests(long n) {
      return new Open(startRate, stages, maxUsers, arrivals, n > 0 ? Duration.ZERO : warmup, n);
    }

    /** {@code rate} iterations per second for {@code runTime}. */
    public static Open constant(double rate, Duration runTime, int maxUsers) {
      return new Open(rate, List.of(new RateStage(runTime, rate)), maxUsers, Arrivals.CONSTANT, null);
    }

    public Duration total() {
      return stages.stream().map(RateStage::duration).reduce(Duration.ZERO, Duration::plus);
    }
  }

  /** Ramp linearly to {@code rate} iterations per second over {@code duration}. */
  record RateStage(Duration duration, double rate) {
    public RateStage {
      if (duration == null || duration.isNegative()) throw new IllegalArgumentException("stage duration must be >= 0");
      if (rate < 0) throw new IllegalArgumentException("rate must be >= 0");
    }
  }

  /**
   * Users as any function of the time since the start, from the Java API (Locust's {@code
   * LoadTestShape}): {@code t -> t.toSeconds() < 60 ? 10 : 100}. Called every 10 ms; the run ends
   * after {@code duration}. Equal only to itself (a function has no value to compare).
   */
  record UserShape(ToIntFunction<Duration> users, Duration duration, Duration warmup,
      long warmupRequests) implements LoadProfile {
    public UserShape {
      checkCount(warmupRequests);
      Objects.requireNonNull(users, "users");
      checkPositive(duration, "duration");
      warmup = warmup == null ? Duration.ZERO : warmup;
    }

    public UserShape(ToIntFunction<Duration> users, Duration duration, Duration warmup) {
      this(users, duration, warmup, 0);
    }

    @Override
    public UserShape withWarmupRequests(long n) {
      return new UserShape(users, duration, n > 0 ? Duration.ZERO : warmup, n);
    }
  }

  /**
   * The open model with the arrival rate (iterations per second) as any function of the time since
   * the start, from the Java API. At most {@code maxUsers} users run iterations at once.
   */
  record RateShape(ToDoubleFunction<Duration> rate, Duration duration, int maxUsers, Duration warmup,
      long warmupRequests) implements LoadProfile {
    public RateShape {
      checkCount(warmupRequests);
      Objects.requireNonNull(rate, "rate");
      checkPositive(duration, "duration");
      if (maxUsers < 1) throw new IllegalArgumentException("max_users must be >= 1");
      warmup = warmup == null ? Duration.ZERO : warmup;
    }

    public RateShape(ToDoubleFunction<Duration> rate, Duration duration, int maxUsers,
        Duration warmup) {
      this(rate, duration, maxUsers, warmup, 0);
    }

    @Override
    public RateShape withWarmupRequests(long n) {
      return new RateShape(rate, duration, maxUsers, n > 0 ? Duration.ZERO : warmup, n);
    }
  }

  /**
   * {@code requests} requests in all, sent by {@code concurrency} users (like {@code ab -n -c}),
   * bounded by {@code maxTime} in case the target is slow.
   */
  record FixedCount(long requests, int concurrency, Duration maxTime, Duration warmup, long warmupRequests)
      implements LoadProfile {
    public FixedCount {
      checkCount(warmupRequests);
      if (requests < 1) throw new IllegalArgumentException("requests must be >= 1");
      if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1");
      maxTime = maxTime == null ? Duration.ofHours(1) : maxTime;
      warmup = warmup == null ? Duration.ZERO : warmup;
    }

    public FixedCount(long requests, int concurrency, Duration maxTime, Duration warmup) {
      this(requests, concurrency, maxTime, warmup, 0);
    }

    @Override
    public FixedCount withWarmupRequests(long n) {
      return new FixedCount(requests, concurrency, maxTime, n > 0 ? Duration.ZERO : warmup, n);
    }
  }

  private static void checkCount(long warmupRequests) {
    if (warmupRequests < 0) throw new IllegalArgumentException("warmup requests must be >= 0");
  }

  private static void checkPositive(Duration d, String what) {
    if (d == null || d.isZero() || d.isNegative())
      throw new IllegalArgumentException(what + " must be positive");
  }
}
