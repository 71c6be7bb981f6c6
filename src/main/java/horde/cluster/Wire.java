package horde.cluster;

import java.util.List;

/**
 * The messages between a coordinator and its workers, carried by JGroups (which does membership,
 * failure detection, ordering and retransmission). {@code run} names the test a message belongs
 * to, so that a late or stray message of another run is ignored.
 */
sealed interface Wire {
  /** A worker says who it is: on joining, on a view change, and when a coordinator asks. */
  record Hello(String name, int cores, long busyWith) implements Wire {}

  /** A coordinator asks every worker to say hello. */
  record Who() implements Wire {}

  /** A coordinator hands a worker its part of a test. */
  record Prepare(long run, Bundle bundle, long seed, long gracefulStopMillis, int index, int[] weights)
      implements Wire {}

  /** The worker planned the test and waits for the start. */
  record Ready(long run) implements Wire {}

  /** The worker will not take part (or the coordinator will not have it), and why. */
  record Refused(long run, String reason) implements Wire {}

  /** A clock probe: the worker answers with its own clock at once. */
  record Ping(long run, long sentMicros) implements Wire {}

  record Pong(long run, long sentMicros, long workerMicros) implements Wire {}

  /** Begin a phase at this instant of the worker's own clock (epoch microseconds), users starting from these variables. */
  record Start(long run, int phase, long atMicros, String[] variables) implements Wire {}

  /**
   * One second of a worker's phase, as {@link horde.stats.IntervalCodec} bytes, with the failure
   * reasons and message samples it has not named before.
   */
  record Second(long run, int phase, byte[] interval, List<Reason> reasons, List<Sample> samples) implements Wire {}

  record Reason(int id, String name, String kind) {}

  record Sample(int endpoint, int reason, String text) {}

  /** The worker's phase is over: its end (seconds since the start), requests cut off, whether it was stopped early. */
  record Done(long run, int phase, double end, long cancelledInFlight, boolean aborted) implements Wire {}

  /** Stop the load now (Ctrl-C on the coordinator, or a lost worker under {@code --on-worker-loss abort}). */
  record Stop(long run) implements Wire {}

  /** The test is over: let go of it and wait for the next. */
  record End(long run) implements Wire {}
}
