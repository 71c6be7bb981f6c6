package horde.engine;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Steers a running test from outside (the web UI): a new target for the load that replaces the
 * load shape from now on, reached along a ramp; and pausing, which holds the load where it is and
 * stops the shape's clock (its ramps and its end wait, so the run lasts longer by the pause). Safe
 * from any thread; the engine's control thread reads it every tick (10 ms; 100 ms while the load
 * holds still, when each command wakes it).
 *
 * <p>The load is users in the closed model and iterations per second in the open model. A target
 * given in one phase of a scenario with phases holds until that phase ends; the next phase runs its
 * own shape again.
 *
 * <pre>{@code
 * LoadControl control = testRun.control();
 * control.steer(200, 10);   // to 200 users, 10 more a second
 * control.pause();          // hold 
 * control.resume();
 * }</pre>
 */
public final class LoadControl {
  /**
   * A command: move to {@code target} at {@code perSecond} (users or iterations/s gained or lost
   * each second; infinite: at once).
   */
  public record Steer(double target, double perSecond) {
    public Steer {
      if (!(target >= 0) || Double.isInfinite(target)) throw new IllegalArgumentException("the target must be 0 or more");
      if (!(perSecond > 0)) throw new IllegalArgumentException("the ramp must be above 0 a second");
    }
  }

  private final AtomicReference<Steer> pending = new AtomicReference<>();
  private volatile Steer steering;
  private volatile boolean paused;
  private volatile double current = Double.NaN;
  private volatile Thread engine;

  /** From the next tick on, the load moves from where it is to {@code target}, {@code perSecond} a second. */
  public void steer(double target, double perSecond) {
    Steer s = new Steer(target, perSecond);
    steering = s;
    pending.set(s);
    wake();
  }

  public void pause() {
    paused = true;
    wake();
  }

  public void resume() {
    paused = false;
    wake();
  }

  /** The engine's control thread may be sleeping through a quiet stretch: a command wakes it. */
  private void wake() {
    Thread t = engine;
    if (t != null) LockSupport.unpark(t);
  }

  public boolean paused() {
    return paused;
  }

  /** The last target given, or null while the load shape rules. */
  public Steer target() {
    return steering;
  }

  /**
   * The load the engine applies now: users (closed model) or iterations per second (open model);
   * NaN before the load starts.
   */
  public double current() {
    return current;
  }

  /** The engine: the newest command not yet taken, or null. */
  Steer take() {
    return pending.getAndSet(null);
  }

  /** The engine, on its control thread: a new run (phase) starts with its own shape. */
  void newShape() {
    engine = Thread.currentThread();
    steering = null;
    pending.set(null);
    current = Double.NaN;
  }

  void publish(double value) {
    current = value;
  }
}
