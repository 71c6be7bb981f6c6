package horde.cluster;

import horde.record.IntervalSnapshot;
import horde.record.Samples;
import horde.stats.Interval;
import horde.stats.IntervalCodec;
import horde.stats.IntervalListener;
import horde.stats.Names;
import horde.stats.Slice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgroups.Address;

/**
 * A worker's side of the merge: each second of its phase, as its statistics take it, goes to the
 * coordinator whole ({@link IntervalCodec}), with the names of failure reasons and the first
 * message of each failure it has not sent before (reason ids are this worker's own: the
 * coordinator maps them by name).
 */
final class Shipper implements IntervalListener {
  private final Node node;
  private final Address coordinator;
  private final long run;
  private final int phase;
  private final Samples samples;
  private final Set<Integer> named;
  private final Set<Long> sampled;

  /** @param named reason ids already named to the coordinator in this run (shared by its phases) */
  Shipper(Node node, Address coordinator, long run, int phase, Samples samples, Set<Integer> named) {
    this.node = node;
    this.coordinator = coordinator;
    this.run = run;
    this.phase = phase;
    this.samples = samples;
    this.named = named;
    this.sampled = new HashSet<>();
  }

  @Override
  public void interval(Interval interval, IntervalSnapshot snapshot, Names names) {
    List<Wire.Reason> reasons = new ArrayList<>();
    List<Wire.Sample> texts = new ArrayList<>();
    for (Slice s : interval.slices()) {
      for (int k = 0; k < s.reasonKinds(); k++) {
        int id = s.reasonId(k);
        Names.Reason r = names.reason(id);
        if (r != null && named.add(id)) reasons.add(new Wire.Reason(id, r.name(), r.kind().name()));
        String text = samples.get(s.endpoint(), id);
        if (text != null && sampled.add(((long) s.endpoint() << 32) | id)) texts.add(new Wire.Sample(s.endpoint(), id, text));
      }
    }
    node.send(coordinator, new Wire.Second(run, phase, IntervalCodec.encode(interval), reasons, texts));
  }
}
