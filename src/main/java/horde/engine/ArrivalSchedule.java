package horde.engine;

import horde.scenario.LoadProfile;
import horde.scenario.LoadProfile.RateStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When each iteration of the open model is meant to start: a pure sequence of offsets from the
 * start, testable without a network. The rate ramps linearly through the stages; arrival k
 * (from 0) is where the expected count ∫rate reaches k (constant spacing), or reaches the k-th
 * point of a unit-rate Poisson process (time rescaling: Poisson arrivals with the same rate curve).
 *
 * <pre>{@code
 * ArrivalSchedule s = ArrivalSchedule.of(LoadProfile.Open.constant(50, Duration.ofSeconds(10), 100), 1);
 * s.next(); // 0, then 20_000_000, 40_000_000, ... and -1 after 10 s
 * }</pre>
 */
public final class ArrivalSchedule {
  private final double[] startRate; // per second, at the start of each segment
  private final double[] slope; // per second per second
  private final double[] seconds;
  private final double[] starts; // seconds since the start at each segment's start
  private final SplittableRandom poisson;
  private int segment;
  private double segmentStart; // seconds since the start
  private double countAtSegment; // expected arrivals before this segment
  private double target; // the expected count the next arrival waits for
  private Share share = Share.WHOLE;
  private long index; // arrivals of the whole schedule so far

  private ArrivalSchedule(double from, List<RateStage> stages, SplittableRandom poisson) {
    int n = stages.size();
    startRate = new double[n];
    slope = new double[n];
    seconds = new double[n];
    starts = new double[n];
    double rate = from;
    for (int i = 0; i < n; i++) {
      seconds[i] = stages.get(i).duration().toNanos() / 1e9;
      starts[i] = i == 0 ? 0 : starts[i - 1] + seconds[i - 1];
      startRate[i] = rate;
      slope[i] = seconds[i] > 0 ? (stages.get(i).rate() - rate) / seconds[i] : 0;
      rate = stages.get(i).rate();
    }
    this.poisson = poisson;
    this.target = poisson == null ? 0 : exponential();
  }

  /**
   * A rate given as a function: sampled every millisecond into constant 1 ms steps, which is as
   * fine as the control thread hands arrivals out.
   */
  public static ArrivalSchedule of(LoadProfile.RateShape shape) {
    int steps = (int) Math.max(1, shape.duration().toMillis());
    List<RateStage> stages = new ArrayList<>(2 * steps);
    for (int i = 0; i < steps; i++) {
      double rate = Math.max(0, shape.rate().applyAsDouble(Duration.ofMillis(i)));
      stages.add(new RateStage(Duration.ZERO, rate));
      stages.add(new RateStage(Duration.ofMillis(1), rate));
    }
    return new ArrivalSchedule(0, stages, null);
  }

  public static ArrivalSchedule of(LoadProfile.Open open, long seed) {
    SplittableRandom random = open.arrivals() == LoadProfile.Open.Arrivals.POISSON ? new SplittableRandom(seed) : null;
    return new ArrivalSchedule(open.startRate(), open.stages(), random);
  }

  /**
   * Only the arrivals that are {@code share}'s: a cluster's workers together send exactly the
   * whole schedule, each its own part of it.
   */
  public ArrivalSchedule only(Share share) {
    this.share = share;
    return this;
  }

  /** The next arrival's offset from the start in nanoseconds, or -1 when the schedule is over. */
  public long next() {
    long t;
    do {
      t = nextOfAll();
    } while (t >= 0 && !share.owns(index++));
    return t;
  }

  private long nextOfAll() {
    while (segment < seconds.length) {
      double needed = target - countAtSegment;
      double a = startRate[segment];
      double b = slope[segment];
      double total = a * seconds[segment] + b * seconds[segment] * seconds[segment] / 2;
      if (needed < total - 1e-9) { // the slack keeps rounding from adding an arrival at a boundary
        double x = offsetWithin(a, b, needed);
        target += poisson == null ? 1 : exponential();
        return Math.round((segmentStart + x) * 1e9);
      }
      countAtSegment += total;
      segmentStart += seconds[segment];
      segment++;
    }
    return -1;
  }

  /** The rate (per second) the schedule runs at {@code offsetNanos} after the start; 0 after its end. */
  public double rateAt(long offsetNanos) {
    if (starts.length == 0) return 0;
    double t = offsetNanos / 1e9;
    int i = Arrays.binarySearch(starts, t);
    if (i < 0) i = -i - 2; // the last segment starting before t
    while (i + 1 < starts.length && starts[i + 1] <= t) i++; // zero-length segments at t: the last one rules
    if (i < 0 || t >= starts[starts.length - 1] + seconds[starts.length - 1]) return 0;
    return startRate[i] + slope[i] * (t - starts[i]);
  }

  /** Solves a·x + b·x²/2 = n for x ≥ 0 (the stable form of the quadratic root). */
  static double offsetWithin(double a, double b, double n) {
    if (n <= 0) return 0;
    if (b == 0) return n / a;
    return 2 * n / (a + Math.sqrt(Math.max(0, a * a + 2 * b * n)));
  }

  private double exponential() {
    return -Math.log(1 - poisson.nextDouble());
  }
}
