package horde.engine;

import horde.scenario.LoadProfile;
import java.util.Arrays;

/**
 * One worker's part of a run's load, in the manner of k6's execution segments: the run's units
 * (users, arrivals, requests, unique rows, user ids) are dealt out in a fixed cycle of {@code
 * sum(weights)} places, of which share {@code i} holds {@code weights[i]}, spread as evenly as they
 * go (smooth weighted round robin). Each worker computes its part from its index and the weights
 * alone, so the parts never overlap and always add up to the whole: of the first {@code n} units
 * share {@code i} holds {@link #count}{@code (n)}, within one of {@code n · weights[i] / sum}, and
 * the counts of all shares add up to {@code n} for every {@code n}.
 *
 * <pre>{@code
 * Share second = Share.of(1, new int[] {1, 1, 1});   // the second third
 * second.count(100);   // 33 of 100 users
 * second.owns(4);      // true: arrivals 1, 4, 7, ... are its own
 * }</pre>
 */
public final class Share {
  /** The whole load: a single machine's run. */
  public static final Share WHOLE = of(0, new int[] {1});

  private final int index;
  private final int[] weights;
  private final int[] cycle;
  /** How many of the cycle's first r places are this share's, for r = 0..cycle length. */
  private final int[] before;
  /** The places of the cycle that are this share's, in order. */
  private final int[] places;

  private Share(int index, int[] weights) {
    this.index = index;
    this.weights = weights.clone();
    this.cycle = cycle(weights);
    this.before = new int[cycle.length + 1];
    for (int r = 0; r < cycle.length; r++) before[r + 1] = before[r] + (cycle[r] == index ? 1 : 0);
    this.places = new int[weights[index]];
    for (int r = 0, k = 0; r < cycle.length; r++) if (cycle[r] == index) places[k++] = r;
  }

  /**
   * @param index this share's place among {@code weights}
   * @param weights every share's weight, at least 1 each (the same array on every worker)
   */
  public static Share of(int index, int[] weights) {
    if (weights.length == 0) throw new IllegalArgumentException("no shares");
    for (int w : weights) if (w < 1) throw new IllegalArgumentException("a share's weight must be at least 1");
    if (index < 0 || index >= weights.length) throw new IllegalArgumentException("no share " + index);
    return new Share(index, weights);
  }

  /** Smooth weighted round robin (nginx's): every share gets its weight's places, as evenly spread as they go. */
  private static int[] cycle(int[] weights) {
    int total = Arrays.stream(weights).sum();
    long[] current = new long[weights.length];
    int[] out = new int[total];
    for (int r = 0; r < total; r++) {
      int best = 0;
      for (int i = 0; i < weights.length; i++) {
        current[i] += weights[i];
        if (current[i] > current[best]) best = i;
      }
      current[best] -= total;
      out[r] = best;
    }
    return out;
  }

  /** Of the first {@code n} units of the whole, how many are this share's. */
  public long count(long n) {
    if (n <= 0) return 0;
    return n / cycle.length * places.length + before[(int) (n % cycle.length)];
  }

  /** Whether unit {@code k} of the whole (from 0) is this share's. */
  public boolean owns(long k) {
    return cycle[(int) (k % cycle.length)] == index;
  }

  /** The whole's index of this share's {@code k}-th unit (from 0): its users' ids are the whole run's. */
  public long unit(long k) {
    return k / places.length * cycle.length + places[(int) (k % places.length)];
  }

  /** Whether this is the whole load. */
  public boolean whole() {
    return places.length == cycle.length;
  }

  public int index() {
    return index;
  }

  public int[] weights() {
    return weights.clone();
  }

  /** The share as a fraction, e.g. {@code 1/3}. */
  public String fraction() {
    return places.length + "/" + cycle.length;
  }

  /**
   * How many of this share's users should run over time: its part of the whole's users at every
   * moment. A fixed count gives each worker with requests to send at least one user.
   */
  LoadShape shape(LoadProfile load) {
    LoadShape all = LoadShape.of(load);
    if (whole()) return all;
    if (load instanceof LoadProfile.FixedCount f) {
      int users = count(f.requests()) == 0 ? 0 : (int) Math.max(1, count(f.concurrency()));
      return LoadShape.spawning(users, Double.MAX_VALUE, f.maxTime());
    }
    return new LoadShape() {
      public int usersAt(long elapsedNanos) {
        return (int) count(all.usersAt(elapsedNanos));
      }

      public long durationNanos() {
        return all.durationNanos();
      }
    };
  }

  /** Fixed-count mode: this share's part of the requests. */
  long requests(LoadProfile.FixedCount f) {
    return count(f.requests());
  }
}
