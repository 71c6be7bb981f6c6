package horde.bench;

import horde.plan.FailureReasons;
import horde.record.IntervalSnapshot;
import horde.record.LoopRecorder;
import horde.record.Samples;
import horde.scenario.Measures;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * event loops recording at once: each loop has its own {@link LoopRecorder}, so loops on the same
 * endpoint ({@code endpoint=shared}) should cost what loops on their own endpoints cost. Run with
 * {@code bench/jmh.sh Recording}; {@code -prof gc} shows it allocates nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordingBenchmark {
  static final int ENDPOINTS = 20;
  final IntervalSnapshot shape = new IntervalSnapshot(ENDPOINTS, Measures.BUILT_IN.histogramCount(),
      Measures.BUILT_IN.counterCount(), FailureReasons.CAPACITY);
  final Samples samples = new Samples(ENDPOINTS, FailureReasons.CAPACITY);
  final AtomicInteger threads = new AtomicInteger();

  /** One event loop: its recorder, and the endpoint it hits. */
  @State(Scope.Thread)
  public static class Loop {
    @Param({"own", "shared"})
    String endpoint;

    LoopRecorder recorder;
    int id;
    long latency = 12_345_678;

    @Setup
    public void setUp(RecordingBenchmark run) {
      recorder = new LoopRecorder(run.shape, run.samples);
      int n = run.threads.getAndIncrement();
      id = endpoint.equals("shared") ? 3 : n % ENDPOINTS;
    }

    void record() {
      recorder.request(id, 200, -1, latency += 977, 120, 480);
    }
  }

  @Benchmark
  @Threads(1)
  public void success1(Loop loop) {
    loop.record();
  }

  @Benchmark
  @Threads(2)
  public void success2(Loop loop) {
    loop.record();
  }

  @Benchmark
  @Threads(4)
  public void success4(Loop loop) {
    loop.record();
  }

  @Benchmark
  @Threads(8)
  public void success8(Loop loop) {
    loop.record();
  }

  @Benchmark
  @Threads(1)
  public void failure(Loop loop) {
    loop.recorder.request(loop.id, 503, FailureReasons.httpStatus(503), loop.latency += 977, 120, 80);
  }

  /** The once-a-second flip of one loop's snapshot into the second's sum, with the loop idle. */
  @Benchmark
  @Threads(1)
  public IntervalSnapshot flip(Loop loop) {
    IntervalSnapshot into = shape.emptyCopy();
    loop.recorder.drainInto(into);
    return into;
  }
}
