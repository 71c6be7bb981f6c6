package horde.stats;

import horde.record.Health;
import java.util.List;

/**
 * One second of a run (or its last, shorter piece), kept whole: every endpoint's slice of the
 * interval snapshot, and the run's gauges at its end. A window of a finished run is the sum of
 * its intervals.
 *
 * @param t seconds since the start at the end of the interval
 * @param seconds its length
 * @param users users at work at its end (closed model: alive; open model: inside an iteration)
 * @param peakUsers the most users at work at any moment in it
 * @param dropped open model: arrivals in it that found no free user
 * @param warmup whether it lies in the warm-up (shown, not counted in the summary)
 * @param slices the endpoints that recorded something in it
 * @param health the generator's own state in it, or null when not watched
 * @param target the target's own metrics in it ({@code monitor:}), or null when not watched
 */
public record Interval(double t, double seconds, int users, int peakUsers, long dropped, boolean warmup,
    List<Slice> slices, Health health, TargetSample target) {
  public Interval {
    slices = List.copyOf(slices);
  }

  /** An interval without target metrics. */
  public Interval(double t, double seconds, int users, int peakUsers, long dropped, boolean warmup, List<Slice> slices,
      Health health) {
    this(t, seconds, users, peakUsers, dropped, warmup, slices, health, null);
  }

  /** The same interval moved along the timeline (phases joined end to end). */
  public Interval shifted(double by) {
    return new Interval(Math.round((t + by) * 1000.0) / 1000.0, seconds, users, peakUsers, dropped, warmup, slices,
        health, target);
  }
}
