package horde.bench;

import horde.plan.FailureReasons;
import horde.record.MetricRecorder;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of recording one request's outcome, the call every response makes. Run with {@code
 * bench/jmh.sh Recording}; -prof gc shows it allocates nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordingBenchmark {
  final MetricRecorder recorder = new MetricRecorder(20, FailureReasons.CAPACITY);
  long latency = 12_345_678;
  Histogram recycle;

  @Benchmark
  @Threads(1)
  public void success() {
    recorder.success(3, latency += 977, 120, 480);
  }

  @Benchmark
  @Threads(1)
  public void failure() {
    recorder.failure(3, FailureReasons.httpStatus(503), latency += 977, 120, 80);
  }

  /** Two event loops recording at once, as on a 2-core machine. */
  @Benchmark
  @Group("contended")
  @GroupThreads(2)
  public void successContended() {
    recorder.success(3, latency += 977, 120, 480);
  }

  /** The once-a-second swap, with the recorder idle. */
  @Benchmark
  @Threads(1)
  public Histogram intervalSwap() {
    recycle = recorder.intervalHistogram(3, recycle);
    return recycle;
  }
}
