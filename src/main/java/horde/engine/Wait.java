package horde.engine;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A user's one pending wait — a think step, the wait before its next task, a poll's next attempt —
 * as a timer on its loop. One wait at a time: a user waits for one thing.
 */
final class Wait extends LoopTask {
  private final EventLoop loop;
  private final FatalErrors fatal;
  private ScheduledFuture<?> timer;
  private Runnable then;
  private boolean beforeTask;

  Wait(VirtualUser user) {
    this.loop = user.loop;
    this.fatal = user.run.fatal;
  }

  /** The timer's task: the wait is over. */
  @Override
  void runTask() {
    wake();
  }

  @Override
  FatalErrors fatalErrors() {
    return fatal;
  }

  /** Runs {@code then} after {@code nanos}; {@code beforeTask} when it is the wait between tasks. */
  void start(long nanos, Runnable then, boolean beforeTask) {
    this.then = then;
    this.beforeTask = beforeTask;
    timer = loop.schedule(this, nanos, TimeUnit.NANOSECONDS);
  }

  boolean pending() {
    return timer != null;
  }

  /** Whether the pending wait is the one before the next task (a ramp-down ends it). */
  boolean beforeTask() {
    return timer != null && beforeTask;
  }

  /** Drops the pending wait, if any: what it would have run never runs. */
  void cancel() {
    if (timer != null) timer.cancel(false);
    timer = null;
    then = null;
  }

  private void wake() {
    timer = null;
    Runnable r = then;
    then = null;
    if (r != null) r.run();
  }
}
