package horde.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The CPU time of the JVM's JIT compiler threads, from Linux's /proc; -1 where it cannot be read. */
final class CompilerThreads {
  private static final Path TASKS = Path.of("/proc/self/task");

  private CompilerThreads() {}

  /** Nanoseconds on the CPU of the threads named "C1 CompilerThread…" and "C2 CompilerThread…" so far. */
  static long cpuNanos() {
    if (!Files.isDirectory(TASKS)) return -1;
    long sum = 0;
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) continue;
          String schedstat = Files.readString(task.resolve("schedstat"));
          sum += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
          // a thread that ended meanwhile: its time is no longer the compilers' to wait for
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return sum;
  }
}
