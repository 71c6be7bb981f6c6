package horde.record;

import static org.assertj.core.api.Assertions.assertThat;

import horde.plan.FailureReasons;
import horde.scenario.Measures;
import horde.stats.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snapshots merge exactly: the same requests recorded by any number of loops, drained at any
 * moments, add up to what one recorder would hold, histograms and counters alike.
 */
class LoopRecorderTest {
  private static final int ENDPOINTS = 4;

  static IntervalSnapshot shape() {
    return new IntervalSnapshot(ENDPOINTS, Measures.BUILT_IN.histogramCount(), Measures.BUILT_IN.counterCount(),
        FailureReasons.CAPACITY);
  }

  record Request(int endpoint, int status, int reason, long latencyNanos, long sent, long received, long ttftNanos) {}

  static List<Request> requests(Random random, int n) {
    List<Request> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int status = random.nextInt(10) == 0 ? 503 : random.nextInt(20) == 0 ? 429 : 200;
      int reason = status == 503 ? FailureReasons.httpStatus(503) : random.nextInt(50) == 0 ? FailureReasons.TIMEOUT : -1;
      long latency = reason == FailureReasons.TIMEOUT ? -1 : (long) (random.nextDouble() * random.nextDouble() * 5e9);
      out.add(new Request(random.nextInt(ENDPOINTS), reason == FailureReasons.TIMEOUT ? 0 : status, reason, latency,
          random.nextInt(500), random.nextInt(5000), random.nextInt(3) == 0 ? random.nextLong(1_000_000_000L) : -1));
    }
    return out;
  }

  static void record(LoopRecorder r, Request q) {
    r.request(q.endpoint, q.status, q.reason, q.latencyNanos, q.sent, q.received);
    if (q.ttftNanos >= 0) r.time(Measures.TTFT, q.endpoint, q.ttftNanos);
  }

  /** Any split of the same requests over loops and drains merges to one recorder's figures. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234, 99_991, 7_777_777})
  void anySplitMergesToWhatOneRecorderHolds(long seed) {
    Random random = new Random(seed);
    List<Request> all = requests(random, 5_000);
    Samples samples = new Samples(ENDPOINTS, FailureReasons.CAPACITY);
    LoopRecorder one = new LoopRecorder(shape(), samples);
    all.forEach(q -> record(one, q));
    IntervalSnapshot expected = shape();
    one.drainInto(expected);

    int loops = 1 + random.nextInt(8);
    List<LoopRecorder> recorders = new ArrayList<>();
    for (int i = 0; i < loops; i++) recorders.add(new LoopRecorder(shape(), samples));
    IntervalSnapshot merged = shape();
    for (Request q : all) {
      record(recorders.get(random.nextInt(loops)), q);
      if (random.nextInt(300) == 0) recorders.get(random.nextInt(loops)).drainInto(merged); // a tick mid-way
    }
    recorders.forEach(r -> r.drainInto(merged));

    assertSame(merged, expected);
    // and through the compact form kept for each second, and back
    IntervalSnapshot decoded = shape();
    for (int e = 0; e < ENDPOINTS; e++) {
      Slice s = Slice.of(merged, e);
      if (s != null) s.addTo(decoded);
    }
    assertSame(decoded, expected);
  }

  static void assertSame(IntervalSnapshot actual, IntervalSnapshot expected) {
    for (int e = 0; e < ENDPOINTS; e++) {
      for (int c = 0; c < expected.counterCount(); c++) assertThat(actual.counter(e, c)).isEqualTo(expected.counter(e, c));
      for (int s = 0; s < IntervalSnapshot.STATUSES; s++) assertThat(actual.statusCount(e, s)).isEqualTo(expected.statusCount(e, s));
      for (int r = 0; r < expected.reasonCapacity(); r++) assertThat(actual.reasonCount(e, r)).isEqualTo(expected.reasonCount(e, r));
      for (int m = 0; m < expected.histogramCount(); m++) {
        Histogram want = expected.histogram(e, m), got = actual.histogram(e, m);
        long count = want == null ? 0 : want.getTotalCount();
        assertThat(got == null ? 0 : got.getTotalCount()).isEqualTo(count);
        if (count > 0) assertThat(got).isEqualTo(want);
      }
    }
  }

  /**
   * A loop recording while the ticker flips: nothing is lost or counted twice, and each interval's
   * request count equals its histogram's count (they flip together).
   */
  @Test
  void flipsWhileRecordingLoseNothingAndCountsAgreeWithHistograms() throws Exception {
    LoopRecorder r = new LoopRecorder(shape(), new Samples(ENDPOINTS, FailureReasons.CAPACITY));
    AtomicBoolean stop = new AtomicBoolean();
    long[] written = new long[1];
    Thread loop = new Thread(() -> {
      long n = 0;
      while (!stop.get() && n < 50_000_000) {
        r.request(1, 200, -1, 1_000_000 + n % 1000, 10, 20);
        n++;
      }
      written[0] = n;
    });
    loop.start();
    long total = 0;
    long deadline = System.nanoTime() + 1_000_000_000L;
    int flips = 0;
    while (System.nanoTime() < deadline) {
      IntervalSnapshot second = shape();
      r.drainInto(second);
      long requests = second.counter(1, Measures.REQUESTS);
      Histogram h = second.histogram(1, Measures.LATENCY);
      assertThat(h == null ? 0 : h.getTotalCount()).isEqualTo(requests);
      assertThat(second.statusCount(1, 200)).isEqualTo(requests);
      total += requests;
      flips++;
    }
    stop.set(true);
    loop.join();
    IntervalSnapshot last = shape();
    r.drainInto(last);
    total += last.counter(1, Measures.REQUESTS);
    assertThat(total).isEqualTo(written[0]);
    assertThat(flips).isGreaterThan(10);
  }

  @Test
  void statusesOutside100To599AreCountedApart() {
    LoopRecorder r = new LoopRecorder(shape(), new Samples(ENDPOINTS, FailureReasons.CAPACITY));
    r.request(0, 99, -1, 1000, 0, 0);
    r.request(0, 700, -1, 1000, 0, 0);
    r.request(0, 0, FailureReasons.TIMEOUT, -1, 0, 0); // no answer: no status
    IntervalSnapshot s = shape();
    r.drainInto(s);
    assertThat(s.statusCount(0, 0)).isEqualTo(2);
    assertThat(s.counter(0, Measures.REQUESTS)).isEqualTo(3);
    assertThat(s.histogram(0, Measures.LATENCY).getTotalCount()).isEqualTo(2);
  }
}
