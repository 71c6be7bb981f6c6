package horde.stats;

import horde.record.Health;

/** What the statistics read from the load itself at each tick, besides the recorders. */
public interface Gauges {
  /** Users at work now (closed model: alive; open model: inside an iteration). */
  int users();

  /** The most users at work at any moment since the last call; starts over from the current count. */
  int takePeakUsers();

  /** Open model: arrivals so far that found no free user (0 for other models). */
  long droppedSoFar();

  /** The generator's own state since the last call, or null when it is not watched. */
  default Health health() {
    return null;
  }

  /** The target's own metrics since the last call ({@code monitor:}), or null when none are watched. */
  default TargetSample target() {
    return null;
  }
}
