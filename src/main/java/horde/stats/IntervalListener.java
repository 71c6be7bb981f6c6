package horde.stats;

import horde.record.IntervalSnapshot;

/**
 * Hears each second of a run as it is taken: live exports (Prometheus), a live UI, a coordinator.
 * Called on the statistics thread; {@code snapshot} is reused for the next second, so a listener
 * copies what it keeps before returning, and returns quickly.
 */
public interface IntervalListener {
  void interval(Interval interval, IntervalSnapshot snapshot, Names names);
}
