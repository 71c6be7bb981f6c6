package horde.cluster;

import horde.stats.TargetSample;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The target's own metrics in a cluster run ({@code monitor:}): the coordinator scrapes the target
 * (the workers do not), takes the latest values as each second of the phase ends on its own clock,
 * and keeps them by second until the workers' parts of that second arrive and are merged — so a
 * merged second carries the target as it was in that second, not as it was when the slowest
 * worker's report came in.
 *
 * <pre>{@code
 * TargetSeconds target = TargetSeconds.of(watch::take, phaseStartMicros);
 * target.tick(Node.nowMicros());     // often: takes each second as it ends
 * target.take(slot, now);            // the second being merged
 * }</pre>
 */
final class TargetSeconds {
  private final Supplier<TargetSample> source;
  private final long startMicros;
  private final TreeMap<Integer, TargetSample> bySecond = new TreeMap<>();
  private int taken;

  private TargetSeconds(Supplier<TargetSample> source, long startMicros) {
    this.source = source;
    this.startMicros = startMicros;
  }

  /** @param source the scrapes' latest values since the last call, or null when the target is not watched */
  static TargetSeconds of(Supplier<TargetSample> source, long startMicros) {
    return new TargetSeconds(source, startMicros);
  }

  /** Takes every second of the phase that has ended by {@code nowMicros}. */
  void tick(long nowMicros) {
    if (source == null) return;
    while (nowMicros >= startMicros + (taken + 1) * 1_000_000L) bySecond.put(taken++, source.get());
  }

  /**
   * The target in second {@code slot} (from 0), null when not watched. A second not yet ended on the
   * coordinator's clock (the last short piece) gets the values of now.
   */
  TargetSample take(int slot, long nowMicros) {
    if (source == null) return null;
    tick(nowMicros);
    bySecond.headMap(slot).clear(); // seconds no worker reported
    TargetSample s = bySecond.remove(slot);
    if (s == null && slot >= taken) {
      s = source.get();
      taken = slot + 1;
    }
    return s;
  }
}
