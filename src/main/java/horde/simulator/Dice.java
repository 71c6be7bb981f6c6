package horde.simulator;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's only source of randomness, derived from one seed so that a run can be repeated.
 * Each request draws from its own stream, keyed by its arrival number, which keeps the draws
 * independent of which event-loop thread serves it: the same seed and the same order of arrivals
 * give the same answers, lengths, cache hits and injected errors.
 */
final class Dice {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final long seed;
  private final AtomicLong arrivals = new AtomicLong();
  private final AtomicLong ids = new AtomicLong();

  Dice(long seed) {
    this.seed = seed;
  }

  /** Numbers requests in arrival order, from 0. */
  long nextArrival() {
    return arrivals.getAndIncrement();
  }

  /** The random stream for the request that arrived {@code arrival}-th. */
  SplittableRandom forArrival(long arrival) {
    return new SplittableRandom(mix(seed ^ mix(arrival * GOLDEN + 1)));
  }

  /**
   * A fresh id like {@code conv_3f9a0c1d2e4b5a69}: random-looking like a real backend's, unique
   * because {@link #mix} is a bijection of the counter.
   */
  String id(String prefix) {
    return prefix + hex16(mix(seed + ids.incrementAndGet() * GOLDEN));
  }

  /** A stable pseudo-random number for a text, e.g. to give a query the same documents. */
  long hash(String text) {
    return mix(seed ^ text.hashCode() * GOLDEN);
  }

  private static String hex16(long v) {
    String h = Long.toHexString(v);
    return "0".repeat(16 - h.length()) + h;
  }

  /** SplitMix64's finaliser: a bijection on 64 bits that scatters nearby inputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
