package horde.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first fatal error (an {@link Error}: out of memory, a class that cannot be loaded) in one of
 * a generator's threads: its event loops, the control thread, the statistics thread. The run stops
 * on it, with the results of what ran. Noting one allocates nothing, since the heap may be gone,
 * and frees a reserve kept for the work of stopping. Thread-safe; also each thread's handler of
 * what would otherwise kill it unnoticed.
 *
 * <pre>{@code
 * try { work(); } catch (Error e) { fatal.report(e); throw e; }
 * if (fatal.happened()) stop(fatal.describe());
 * }</pre>
 */
public final class FatalErrors implements Thread.UncaughtExceptionHandler {
  private static final Error UNNAMED = new InternalError("a thread died of an error it could not report, most likely out of memory");
  private final AtomicBoolean claimed = new AtomicBoolean();
  /** Written last: once it is seen, the thread and the time are there too. */
  private volatile Throwable first;
  private volatile Thread thread;
  private volatile long atNanos;
  @SuppressWarnings("unused") // held only to be let go
  private volatile byte[] reserve;

  public FatalErrors() {
    // Noting once, then forgetting it, links what noting calls (a JVM links a call on its first
    // use, and that can take heap): done now, not when the heap has run out, where it would throw
    // instead of noting.
    report(UNNAMED);
    first = null;
    thread = null;
    atNanos = 0;
    claimed.set(false);
    reserve = new byte[(int) Math.min(8 << 20, Runtime.getRuntime().maxMemory() / 32)];
  }

  /** Notes {@code e} when it is an {@link Error} and the first one; other throwables are no concern here. */
  public void report(Throwable e) {
    noteIn(Thread.currentThread(), e);
  }

  @Override
  public void uncaughtException(Thread t, Throwable e) {
    noteIn(t, e);
  }

  private void noteIn(Thread t, Throwable e) {
    if (!(e instanceof Error) || !claimed.compareAndSet(false, true)) return;
    reserve = null;
    atNanos = System.nanoTime();
    thread = t;
    first = e;
  }

  /**
   * Notes that {@code t} died of an error it could not note itself (noting took memory there was
   * none of): the run stops as for any fatal error. The error is made now, while there is a heap.
   */
  void diedUnnoted(Thread t) {
    noteIn(t, UNNAMED);
  }

  public boolean happened() {
    return first != null;
  }

  /** {@link System#nanoTime()} when it happened; meaningful once {@link #happened()}. */
  long atNanos() {
    return atNanos;
  }

  /** What happened and where, for people: {@code OutOfMemoryError: Java heap space (in horde-loop-1-2)}; null when nothing did. */
  public String describe() {
    Throwable e = first;
    if (e == null) return null;
    Thread t = thread;
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return t == null ? what : what + " (in " + t.getName() + ")";
  }
}
