package horde.simulator;

import java.time.Duration;

/**
 * A slow leak ({@code --leak}): latency that grows by a fixed amount every minute the simulator
 * runs, as a leaking cache or pool makes a real service slower hour by hour. Linear in time, so a
 * drift test knows the slope it should find.
 */
final class Leak {
  private final double nanosPerNano;
  private final long start;

  Leak(Duration perMinute, long startNanos) {
    this.nanosPerNano = perMinute.toNanos() / 60e9;
    this.start = startNanos;
  }

  /** The latency added now, in nanoseconds. */
  long nanos() {
    return nanosPerNano == 0 ? 0 : (long) ((System.nanoTime() - start) * nanosPerNano);
  }
}
