package horde.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A capacity search ({@code load: {search: ...}}): runs the scenario at rising levels of users or
 * of arrival rate, each a step judged by the scenario's thresholds, to find the knee — the highest
 * level that met them. Levels climb a ladder ({@code from}, × {@code factor}, ... up to {@code to});
 * after the first failing step it bisects between the last passing and the first failing level
 * until they are within {@code precision}. A step clearly past the knee (a criterion missed by
 * {@code margin} times its limit, or the open model dropping arrivals) is stopped early.
 *
 * @param from the lowest level: users, or arrivals per second
 * @param to the highest level
 * @param step how long each level runs, its warm-up included
 * @param warmup the first part of each step, left out of its figures
 * @param factor how much each rung of the ladder grows, above 1
 * @param precision when bisection stops: the failing level within this share of the passing one
 * @param margin how far past a limit a criterion must be to stop a step early, above 1
 * @param maxSteps the most steps in all
 * @param atLeast the knee the search must find for the run to pass; 0 for none
 * @param spawnRate users: how fast each step starts its users (per second); 0 for all at once
 * @param maxUsers rate: the most users running iterations at once
 */
public record Search(Kind kind, double from, double to, Duration step, Duration warmup, double factor,
    double precision, double margin, int maxSteps, double atLeast, double spawnRate, int maxUsers,
    LoadProfile.Open.Arrivals arrivals) {
  public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);
  public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(5);
  public static final double DEFAULT_FACTOR = 2, DEFAULT_PRECISION = 0.1, DEFAULT_MARGIN = 2;
  public static final int DEFAULT_MAX_STEPS = 20;

  /** What the levels count. */
  public enum Kind {
    USERS("users"),
    RATE("rate");

    public final String key;

    Kind(String key) {
      this.key = key;
    }
  }

  public Search {
    Objects.requireNonNull(kind, "kind");
    step = step == null ? DEFAULT_STEP : step;
    warmup = warmup == null ? DEFAULT_WARMUP : warmup;
    arrivals = arrivals == null ? LoadProfile.Open.Arrivals.CONSTANT : arrivals;
    maxUsers = maxUsers <= 0 ? LoadProfile.Open.DEFAULT_MAX_USERS : maxUsers;
    if (!(from > 0) || !(to >= from)) throw new IllegalArgumentException("search: the range must go from above 0 up");
    if (kind == Kind.USERS && (from != Math.rint(from) || to != Math.rint(to)))
      throw new IllegalArgumentException("search: users are whole numbers");
    if (step.isZero() || step.isNegative()) throw new IllegalArgumentException("search: step must be positive");
    if (warmup.isNegative() || warmup.compareTo(step) >= 0)
      throw new IllegalArgumentException("search: the warm-up must be shorter than the step");
    if (!(factor > 1)) throw new IllegalArgumentException("search: factor must be above 1");
    if (!(precision > 0 && precision < 1)) throw new IllegalArgumentException("search: precision must be between 0% and 100%");
    if (!(margin > 1)) throw new IllegalArgumentException("search: margin must be above 1");
    if (maxSteps < 1) throw new IllegalArgumentException("search: max_steps must be at least 1");
    if (atLeast < 0 || spawnRate < 0) throw new IllegalArgumentException("search: at_least and spawn_rate must be >= 0");
  }

  /** A search with every default but the range. */
  public static Search of(Kind kind, double from, double to) {
    return new Search(kind, from, to, null, null, DEFAULT_FACTOR, DEFAULT_PRECISION, DEFAULT_MARGIN, DEFAULT_MAX_STEPS,
        0, 0, 0, null);
  }

  /** The load of one step at {@code level}. */
  public LoadProfile load(double level) {
    if (kind == Kind.RATE) {
      return new LoadProfile.Open(level, List.of(new LoadProfile.RateStage(step, level)), maxUsers, arrivals,
          warmup);
    }
    int users = (int) Math.round(level);
    return new LoadProfile.Closed(users, spawnRate > 0 ? spawnRate : users, step, warmup);
  }

  /** A level as people read it: {@code 40 users}, {@code 12.5/s}. */
  public String label(double level) {
    if (kind == Kind.USERS) return Math.round(level) + " users";
    return (level == Math.rint(level) ? String.valueOf((long) level) : String.valueOf(Math.round(level * 100) / 100.0))
        + "/s";
  }
}
