package horde.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import horde.plan.FailureReasons;
import horde.record.Health;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.scenario.Measures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole interval survives the trip to bytes and back, to the last count and histogram bucket. */
class IntervalCodecTest {
  @Test
  void anIntervalComesBackExactly() {
    Measures m = Measures.BUILT_IN;
    IntervalSnapshot shape = new IntervalSnapshot(3, m.histogramCount(), m.counterCount(), FailureReasons.CAPACITY);
    LoopRecorder loop = new LoopRecorder(shape, new Samples(3, FailureReasons.CAPACITY));
    for (int i = 0; i < 5000; i++) {
      loop.request(0, 200, -1, 1_000_000L + i * 7_919L, 120, 4_000);
      if (i % 7 == 0) loop.request(2, 503, FailureReasons.httpStatus(503), 30_000_000L, 80, 90);
      if (i % 11 == 0) loop.request(2, 0, FailureReasons.TIMEOUT, -1, 80, 0);
    }
    loop.time(Measures.TTFT, 0, 150_000_000L);
    IntervalSnapshot second = shape.emptyCopy();
    loop.drainInto(second);
    List<Slice> slices = new ArrayList<>();
    for (int e = 0; e < 3; e++) if (Slice.of(second, e) != null) slices.add(Slice.of(second, e));
    Interval before = new Interval(12.25, 0.25, 40, 44, 3, true, slices, new Health(1.5, 9, 71.2, 3, 120, 1024, 7));

    byte[] bytes = IntervalCodec.encode(before);
    Interval after = IntervalCodec.decode(bytes);

    assertThat(after.t()).isEqualTo(12.25);
    assertThat(after.seconds()).isEqualTo(0.25);
    assertThat(after.users()).isEqualTo(40);
    assertThat(after.peakUsers()).isEqualTo(44);
    assertThat(after.dropped()).isEqualTo(3);
    assertThat(after.warmup()).isTrue();
    assertThat(after.health()).isEqualTo(before.health());
    assertThat(after.slices()).hasSize(2);
    IntervalSnapshot a = shape.emptyCopy(), b = shape.emptyCopy();
    before.slices().forEach(s -> s.addTo(a));
    after.slices().forEach(s -> s.addTo(b));
    for (int e = 0; e < 3; e++) {
      for (int c = 0; c < m.counterCount(); c++) assertThat(b.counter(e, c)).isEqualTo(a.counter(e, c));
      for (int s = 0; s < IntervalSnapshot.STATUSES; s++) assertThat(b.statusCount(e, s)).isEqualTo(a.statusCount(e, s));
      for (int r = 0; r < FailureReasons.CAPACITY; r++) assertThat(b.reasonCount(e, r)).isEqualTo(a.reasonCount(e, r));
      for (int h = 0; h < m.histogramCount(); h++) assertThat(b.histogram(e, h)).isEqualTo(a.histogram(e, h));
    }
    assertThat(b.histogram(0, Measures.LATENCY).getTotalCount()).isEqualTo(5000);
    // a quiet second is a few bytes; this one carries two endpoints' compressed histograms
    assertThat(IntervalCodec.encode(new Interval(1, 1, 0, 0, 0, false, List.of(), null))).hasSizeLessThan(32);
    assertThat(bytes).hasSizeLessThan(2_000);
  }

  @Test
  void bytesThatAreNoIntervalAreRefused() {
    assertThatThrownBy(() -> IntervalCodec.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IntervalCodec.decode(new byte[] {9})).hasMessageContaining("format");
  }
}
