package horde.dsl;

import horde.scenario.LoadProfile;
import horde.scenario.LoadProfile.Open;
import horde.scenario.LoadProfile.RateStage;
import horde.scenario.Stage;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * How much load, over what time: start one with {@link Dsl#users}, {@link Dsl#stages}, {@link
 * Dsl#requests}, {@link Dsl#arrivalRate}, {@link Dsl#arrivalStages}, or a function of time with
 * {@link Dsl#userShape} or {@link Dsl#rateShape}. Defaults are the scenario
 * file's: 10 s run time, every user at once, 1 concurrent user, 1,000 users at most.
 */
public sealed interface LoadBuilder {
  Duration DEFAULT_RUN_TIME = LoadProfile.DEFAULT_RUN_TIME;

  LoadProfile build();

  /**
   * What every load has: a warm-up, the first part of the run, left out of the statistics; a time,
   * or a count of requests (the whole seconds until that many have completed).
   */
  abstract sealed class Warmed<B extends Warmed<B>> implements LoadBuilder
      permits Users, Stages, Requests, Arrivals, UserShape, RateShape {
    Duration warmup = Duration.ZERO;
    private long warmupRequests;

    @SuppressWarnings("unchecked")
    public B warmup(Duration d) {
      warmup = Times.notNegative(d, "warmup");
      warmupRequests = 0;
      return (B) this;
    }

    /** {@code "30s"}, or a count: {@code "20 requests"}. */
    public B warmup(String d) {
      long n = LoadProfile.requestCount(d);
      return n >= 0 ? warmupRequests(n) : warmup(Times.parse(d, "warmup"));
    }

    /** The seconds until {@code n} requests have completed are the warm-up (whole seconds: at least n). */
    @SuppressWarnings("unchecked")
    public B warmupRequests(long n) {
      if (n < 0) throw new IllegalArgumentException("warmup requests must be >= 0, not " + n);
      warmupRequests = n;
      warmup = Duration.ZERO;
      return (B) this;
    }

    LoadProfile warmed(LoadProfile p) {
      return warmupRequests > 0 ? p.withWarmupRequests(warmupRequests) : p;
    }
  }

  /** The closed model: a number of users, each repeating its tasks. */
  final class Users extends Warmed<Users> {
    private final int users;
    private Double spawnRate;
    private Duration runTime = DEFAULT_RUN_TIME;

    Users(int users) {
      this.users = users;
    }

    /** Users started per second; default: all at once. */
    public Users spawnRate(double perSecond) {
      spawnRate = perSecond;
      return this;
    }

    public Users runTime(Duration d) {
      runTime = d;
      return this;
    }

    public Users runTime(String d) {
      return runTime(Times.parse(d, "run_time"));
    }

    @Override
    public LoadProfile build() {
      return warmed(new LoadProfile.Closed(users, spawnRate == null ? users : spawnRate, runTime, warmup));
    }
  }

  /** Users ramping linearly from stage to stage, starting from zero. */
  final class Stages extends Warmed<Stages> {
    private final List<Stage> stages;

    Stages(List<Stage> stages) {
      this.stages = stages;
    }

    @Override
    public LoadProfile build() {
      return warmed(new LoadProfile.Staged(stages, warmup));
    }
  }

  /** A number of requests in all, sent by a number of users (like {@code ab -n -c}). */
  final class Requests extends Warmed<Requests> {
    private final long requests;
    private int concurrency = 1;
    private Duration maxTime;

    Requests(long requests) {
      this.requests = requests;
    }

    public Requests concurrency(int users) {
      concurrency = users;
      return this;
    }

    /** Stop even if not done; default 1 h. */
    public Requests maxTime(Duration d) {
      maxTime = Times.positive(d, "max_time");
      return this;
    }

    public Requests maxTime(String d) {
      return maxTime(Times.parse(d, "max_time"));
    }

    @Override
    public LoadProfile build() {
      return warmed(new LoadProfile.FixedCount(requests, concurrency, maxTime, warmup));
    }
  }

  /**
   * The open model: iterations arrive at a rate whatever the target's speed, each run by a free
   * user; an arrival that finds none is a dropped iteration.
   */
  final class Arrivals extends Warmed<Arrivals> {
    private double startRate;
    private final List<RateStage> stages;
    private Duration runTime = DEFAULT_RUN_TIME;
    private int maxUsers = Open.DEFAULT_MAX_USERS;
    private Open.Arrivals arrivals = Open.Arrivals.CONSTANT;

    /** A constant rate when {@code stages} is null. */
    Arrivals(double startRate, List<RateStage> stages) {
      this.startRate = startRate;
      this.stages = stages;
    }

    /** How long a constant rate lasts (default 10 s); stages of rates have their own. */
    public Arrivals runTime(Duration d) {
      if (stages != null)
        throw new IllegalArgumentException("run_time goes with a constant arrival rate");
      runTime = d;
      return this;
    }

    public Arrivals runTime(String d) {
      return runTime(Times.parse(d, "run_time"));
    }

    /** The rate the first stage ramps from (default 0). */
    public Arrivals startRate(double perSecond) {
      if (stages == null)
        throw new IllegalArgumentException("start_rate goes with stages of rates");
      startRate = perSecond;
      return this;
    }

    /** The most users running iterations at once (default 1,000). */
    public Arrivals maxUsers(int n) {
      maxUsers = n;
      return this;
    }

    /** Arrivals spaced as a Poisson process with the same mean rate, not evenly. */
    public Arrivals poisson() {
      arrivals = Open.Arrivals.POISSON;
      return this;
    }

    @Override
    public LoadProfile build() {
      List<RateStage> s = stages != null ? stages : List.of(new RateStage(runTime, startRate));
      return warmed(new Open(startRate, s, maxUsers, arrivals, warmup));
    }
  }

  /**
   * Users as a function of the time since the start (Locust's {@code LoadTestShape}), for shapes
   * stages cannot say: {@code userShape("2m", t -> t.toSeconds() % 20 < 10 ? 10 : 50)}.
   */
  final class UserShape extends Warmed<UserShape> {
    private final ToIntFunction<Duration> users;
    private final Duration duration;

    UserShape(Duration duration, ToIntFunction<Duration> users) {
      this.duration = duration;
      this.users = users;
    }

    @Override
    public LoadProfile build() {
      return warmed(new LoadProfile.UserShape(users, duration, warmup));
    }
  }

  /**
   * The open model with the arrival rate as a function of the time since the start: {@code
   * rateShape("1m", t -> 50 + 40 * Math.sin(t.toMillis() / 5000.0)).maxUsers(200)}.
   */
  final class RateShape extends Warmed<RateShape> {
    private final ToDoubleFunction<Duration> rate;
    private final Duration duration;
    private int maxUsers = Open.DEFAULT_MAX_USERS;

    RateShape(Duration duration, ToDoubleFunction<Duration> rate) {
      this.duration = duration;
      this.rate = rate;
    }

    /** The most users running iterations at once (default 1,000). */
    public RateShape maxUsers(int n) {
      maxUsers = n;
      return this;
    }

    @Override
    public LoadProfile build() {
      return warmed(new LoadProfile.RateShape(rate, duration, maxUsers, warmup));
    }
  }
}
