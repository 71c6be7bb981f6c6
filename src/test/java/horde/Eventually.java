package horde;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that a running test reaches in its own time, with a bound. */
public final class Eventually {
  private Eventually() {}

  /** Polls {@code condition} every 20 ms; throws {@link AssertionError} naming {@code what} after {@code limit}. */
  public static void until(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
      Thread.sleep(20);
    }
  }
}
