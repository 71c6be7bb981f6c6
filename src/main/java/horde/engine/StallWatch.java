package horde.engine;

import horde.protocol.NanoClock;
import horde.protocol.http.HttpExchange;
import horde.protocol.http.TransportError;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gives up on a streamed answer that stays silent past its idle timeout: one timer, re-armed for
 * the rest of the idle time when events came meanwhile (none is scheduled per event).
 */
final class StallWatch {
  private final EventLoop loop;
  private final NanoClock clock;
  private final HttpExchange exchange;
  private final LlmAnswer answer;
  private final Runnable check;
  private long idleNanos;
  private ScheduledFuture<?> timer;

  StallWatch(VirtualUser user, HttpExchange exchange, LlmAnswer answer) {
    this.loop = user.loop;
    this.clock = user.run.clock;
    this.exchange = exchange;
    this.answer = answer;
    this.check = user.guard(this::check);
  }

  /** Starts watching the answer in flight: stalled after {@code idleNanos} without an event. */
  void watch(long idleNanos) {
    this.idleNanos = idleNanos;
    arm(idleNanos);
  }

  private void arm(long nanos) {
    timer = loop.schedule(check, nanos, TimeUnit.NANOSECONDS);
  }

  private void check() {
    timer = null;
    if (!exchange.inFlight()) return;
    long silent = clock.nanoTime() - answer.lastEvent;
    if (silent >= idleNanos) exchange.abort(TransportError.STREAM_STALLED);
    else arm(idleNanos - silent);
  }

  void stop() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
