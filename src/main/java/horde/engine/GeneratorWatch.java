package horde.engine;

import com.sun.management.UnixOperatingSystemMXBean;
import horde.protocol.http.HttpClient;
import horde.record.Health;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Watches the load generator itself, so a run can tell when its figures describe Horde rather than
 * the target: how late each event loop runs a timer set every {@link #PERIOD_MS} ms (a busy or
 * starved loop sends and reads late, and every latency it times grows by that much), the process's
 * CPU use against the cores it may use, time paused for garbage collection, open file descriptors
 * against the limit, and requests that waited for a free connection. {@link #sample} gives what
 * happened since the last call.
 */
final class GeneratorWatch implements AutoCloseable {
  static final long PERIOD_MS = 10;

  private final List<Lag> loops = new ArrayList<>();
  private final HttpClient client;
  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private final List<GarbageCollectorMXBean> pausing;
  private final DescriptorCount files;
  private final int cores = Runtime.getRuntime().availableProcessors();
  private final Histogram lag = new Histogram(3);
  private long lastWall = System.nanoTime();
  private long lastCpu = cpuNanos();
  private long lastGc;
  private long lastWaits;

  GeneratorWatch(EventLoopGroup group, HttpClient client) {
    this.client = client;
    this.files = new DescriptorCount(this::openFiles, client::sockets, System::nanoTime);
    // Concurrent collectors count their background work too; only pauses stop the loops.
    this.pausing = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(gc -> !gc.getName().contains("Concurrent") && !gc.getName().contains("Cycles")).toList();
    this.lastGc = gcMillis();
    for (EventExecutor e : group) {
      Lag l = new Lag((EventLoop) e);
      loops.add(l);
      e.execute(l::arm);
    }
  }

  /** The generator's state since the last call. Call from one thread (the statistics ticker). */
  synchronized Health sample() {
    lag.reset();
    for (Lag l : loops) lag.add(l.interval());
    long wall = System.nanoTime(), cpu = cpuNanos(), gc = gcMillis(), waits = client.poolWaits();
    double cpuPercent = cpu < 0 || wall == lastWall ? -1 : 100.0 * (cpu - lastCpu) / ((wall - lastWall) * (double) cores);
    long maxFiles = maxFiles();
    Health h = new Health(ms(lag.getValueAtPercentile(99)), ms(lag.getMaxValue()), round(cpuPercent), gc - lastGc,
        files.open(maxFiles), maxFiles, waits - lastWaits);
    lastWall = wall;
    lastCpu = cpu;
    lastGc = gc;
    lastWaits = waits;
    return h;
  }

  private long cpuNanos() {
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  private long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : pausing) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /**
   * Open descriptors, -1 where unknown, counted now ({@link #files} spaces the counts). Counting them
   * opens /proc/self/fd: when even that fails for lack of a descriptor, every one is in use.
   */
  private long openFiles() {
    if (!(os instanceof UnixOperatingSystemMXBean unix)) return -1;
    try {
      return unix.getOpenFileDescriptorCount();
    } catch (InternalError | RuntimeException e) {
      return String.valueOf(e.getMessage()).contains("errno: 24") ? maxFiles() : -1;
    }
  }

  private long maxFiles() {
    return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
  }

  private static double ms(long micros) {
    return round(micros / 1000.0);
  }

  private static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }

  @Override
  public void close() {
    for (Lag l : loops) {
      try {
        l.loop.execute(l::disarm);
      } catch (RejectedExecutionException e) {
        // a loop that a fatal error ended (out of memory) runs no timer to disarm; the result is still written
      }
    }
  }

  /** A timer on one loop that notes, each time it runs, how late it is: written on that loop only. */
  private static final class Lag implements Runnable {
    final EventLoop loop;
    final SingleWriterRecorder recorder = new SingleWriterRecorder(3);
    private Histogram recycle;
    private long due;
    private ScheduledFuture<?> next;
    private boolean stopped;

    Lag(EventLoop loop) {
      this.loop = loop;
    }

    /** The lateness since the last call (microseconds); read by the sampler, never by the loop. */
    Histogram interval() {
      recycle = recorder.getIntervalHistogram(recycle);
      return recycle;
    }

    void arm() {
      due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);
      next = loop.schedule(this, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
      if (stopped) return;
      long now = System.nanoTime();
      recorder.recordValue(Math.max(0, (now - due) / 1000));
      due = now + TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);
      next = loop.schedule(this, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    void disarm() {
      stopped = true;
      if (next != null) next.cancel(false);
    }
  }
}
