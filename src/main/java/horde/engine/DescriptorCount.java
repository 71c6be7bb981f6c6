package horde.engine;

import java.util.function.LongSupplier;

/**
 * The process's open descriptors, counted no more often than counting them can afford. The JDK
 * counts them by listing /proc/self/fd, which takes longer than the descriptors grow (0.7 ms at
 * 2,000, 8.8 ms at 10,000 on a core of the benchmark machine): at 10,000 sockets, a count each
 * second would take 9 ms from a core the event loops may share, a stall that every latency timed
 * then carries. So a count is taken again only once a thousand times what the last one took has
 * passed (a thousandth of a core at most), and at every call once the figure reached half the
 * limit, where it matters. In between, the figure is the last count moved by the sockets opened
 * and closed since, which Horde knows without asking the kernel.
 */
final class DescriptorCount {
  static final long SPACING = 1000;

  private final LongSupplier count;
  private final LongSupplier sockets;
  private final LongSupplier clock;
  private long last;
  private long socketsThen;
  private long countedAt;
  private long took = -1;

  /**
   * @param count counts the open descriptors, -1 where unknown
   * @param sockets the sockets Horde has open now
   * @param clock nanoseconds
   */
  DescriptorCount(LongSupplier count, LongSupplier sockets, LongSupplier clock) {
    this.count = count;
    this.sockets = sockets;
    this.clock = clock;
  }

  /** The open descriptors now, -1 where unknown; {@code limit} the process's (-1 where unknown). */
  long open(long limit) {
    long now = clock.getAsLong();
    long estimate = last < 0 ? -1 : Math.max(0, last + sockets.getAsLong() - socketsThen);
    boolean due = took < 0 || now - countedAt >= took * SPACING || limit > 0 && estimate * 2 >= limit;
    if (!due) return estimate;
    socketsThen = sockets.getAsLong();
    last = count.getAsLong();
    countedAt = clock.getAsLong();
    took = countedAt - now;
    return last;
  }
}
