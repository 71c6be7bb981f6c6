package horde.bench;

import horde.plan.FailureReasons;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.scenario.Measures;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of recording one request's outcome, the call every response makes, with 1, 2, 4 and 8
 * event loops recording at once, each on its own endpoint ({@code endpoint=own}) or all on one
 * ({@code endpoint=one}), in two designs:
 *
 * <ul>
 *   <li>{@code recorder=loop}: Horde's, one {@link LoopRecorder} per event loop (a single writer);
 *       loops share nothing, whichever endpoint they hit.
 *   <li>{@code recorder=shared}: one recorder for all loops, as Horde had before the interval
 *       snapshots: HdrHistogram's multi-writer {@link Recorder} per endpoint and atomic counters.
 *       It shows what sharing would cost.
 * </ul>
 *
 * <p>Throughput is every thread's operations together. The machine the figures in
 * bench/results.md come from has 2 cores: past 2 threads, threads take turns on them, so 4 and 8
 * threads show time-slicing, not contention, and a design with no contention keeps its 2-thread
 * throughput. Run with {@code bench/jmh.sh Recording}; {@code -prof gc} shows neither allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordingBenchmark {
  static final int ENDPOINTS = 20;
  final IntervalSnapshot shape = new IntervalSnapshot(ENDPOINTS, Measures.BUILT_IN.histogramCount(),
      Measures.BUILT_IN.counterCount(), FailureReasons.CAPACITY);
  final Samples samples = new Samples(ENDPOINTS, FailureReasons.CAPACITY);
  final SharedRecorder shared = new SharedRecorder(ENDPOINTS);
  final AtomicInteger threads = new AtomicInteger();

  /** One event loop: its recorder (or the shared one), and the endpoint it hits. */
  @State(Scope.Thread)
  public static class Loop {
    @Param({"loop", "shared"})
    String recorder;

    @Param({"own", "one"})
    String endpoint;

    LoopRecorder mine;
    SharedRecorder all;
    int id;
    long latency = 12_345_678;

    @Setup
    public void setUp(RecordingBenchmark run) {
      mine = new LoopRecorder(run.shape, run.samples);
      all = recorder.equals("shared") ? run.shared : null;
      int n = run.threads.getAndIncrement();
      id = endpoint.equals("one") ? 3 : n % ENDPOINTS;
    }

    void record() {
      latency += 977;
      if (all != null) all.request(id, latency, 120, 480);
      else mine.request(id, 200, -1, latency, 120, 480);
    }
  }

  /**
   * What one recorder for every loop needs to be thread-safe without locks: per endpoint an
   * HdrHistogram {@link Recorder} (every writer increments its shared phaser counter) and atomic
   * counters (every writer's increment moves the same cache line between cores).
   */
  static final class SharedRecorder {
    private static final int COLUMNS = 4;
    private final Recorder[] latency;
    private final AtomicLongArray counts;
    private final AtomicLongArray statuses;

    SharedRecorder(int endpoints) {
      latency = new Recorder[endpoints];
      for (int e = 0; e < endpoints; e++) latency[e] = new Recorder(3);
      counts = new AtomicLongArray(endpoints * COLUMNS);
      statuses = new AtomicLongArray(endpoints * IntervalSnapshot.STATUSES);
    }

    void request(int endpoint, long latencyNanos, long sent, long received) {
      int base = endpoint * COLUMNS;
      counts.incrementAndGet(base);
      counts.addAndGet(base + 2, sent);
      counts.addAndGet(base + 3, received);
      statuses.incrementAndGet(endpoint * IntervalSnapshot.STATUSES + 200);
      latency[endpoint].recordValue(latencyNanos / 1000);
    }
  }

  @Benchmark
  @Threads(1)
  public void threads1(Loop loop) {
    loop.record();
  }

  @Benchmark
  @Threads(2)
  public void threads2(Loop loop) {
    loop.record();
  }

  @Benchmark
  @Threads(4)
  public void threads4(Loop loop) {
    loop.record();
  }

  @Benchmark
  @Threads(8)
  public void threads8(Loop loop) {
    loop.record();
  }

  /** The once-a-second flip of one loop's snapshot into the second's sum, with the loop idle. */
  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public IntervalSnapshot flip(Loop loop) {
    IntervalSnapshot into = shape.emptyCopy();
    loop.mine.drainInto(into);
    return into;
  }
}
