package horde.cluster;

import horde.record.Health;
import horde.stats.Interval;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jgroups.Address;

/**
 * A worker as its coordinator sees it during a test: its share, its clock's offset, what it has
 * sent of the phase running now, and what it did over the whole test (for the per-worker table).
 */
final class Member {
  final Address address;
  final String name;
  final int cores;
  final int index;
  /** The worker's clock minus the coordinator's (microseconds), from the fastest probe. */
  long offsetMicros;
  long bestRoundTripMicros = Long.MAX_VALUE;
  /** Worker reason ids to the coordinator's. */
  final Map<Integer, Integer> reasons = new HashMap<>();

  boolean lost;
  /** On the test's timeline (seconds since its start). */
  double lostAt;
  String lostWhy;
  double missedSeconds;
  long lastHeardNanos;

  // the phase running now: seconds by the second they start in, until merged
  final TreeMap<Integer, Interval> pending = new TreeMap<>();
  int latestSlot = -1;
  Wire.Done done;
  /** Seconds of the phase covered by what it sent. */
  double covered;

  // the whole test
  long requests;
  long failures;
  double cpuSum;
  int cpuSeconds;
  double cpuPeak;
  double lagP99Max;

  Member(Address address, String name, int cores, int index) {
    this.address = address;
    this.name = name;
    this.cores = cores;
    this.index = index;
  }

  /** Before a phase: nothing received of it yet. */
  void newPhase() {
    pending.clear();
    latestSlot = -1;
    done = null;
    covered = 0;
    lastHeardNanos = System.nanoTime();
  }

  /** Whether its part of the second starting at {@code slot} will not change any more. */
  boolean settled(int slot) {
    return lost || done != null || latestSlot > slot;
  }

  void health(Health h) {
    if (h == null) return;
    cpuSum += h.cpuPercent();
    cpuSeconds++;
    cpuPeak = Math.max(cpuPeak, h.cpuPercent());
    lagP99Max = Math.max(lagP99Max, h.loopLagP99Ms());
  }
}
