package horde.protocol;

/**
 * Where the engine and the protocols read the time, in nanoseconds on an arbitrary origin (as
 * {@link System#nanoTime()}). {@link #SYSTEM} in runs; a test hands the same clock to users,
 * connections and an event loop whose time it moves by hand (Netty's {@code MockTicker}), so
 * waits, timeouts and stalls can be tested without waiting for them (Agrona's {@code NanoClock}).
 *
 * <pre>{@code
 * long now = clock.nanoTime();
 * }</pre>
 */
@FunctionalInterface
public interface NanoClock {
  NanoClock SYSTEM = System::nanoTime;

  long nanoTime();
}
