package horde.engine;

/**
 * What a user does once on_start or a task is done: the closed, open and once models' only
 * differences from each other.
 *
 * <ul>
 *   <li>{@link #CLOSED}: the first task at once (as in Locust), then the user's wait before each
 *       next one;
 *   <li>{@link #OPEN}: one task per arrival it is handed, then idle in the population until the
 *       next arrival; each arrival is an iteration;
 *   <li>{@link #ONCE}: setup and teardown run their steps once and finish.
 * </ul>
 */
sealed interface Pacing {
  Pacing CLOSED = new Closed();
  Pacing OPEN = new Open();
  Pacing ONCE = new Once();

  /** on_start is over; {@code failed} when one of its requests failed (it runs again at the next turn). */
  void startDone(VirtualUser u, boolean failed);

  /** A task is over (or on_start failed) and the user is not stopping: what next. */
  void taskDone(VirtualUser u);

  /** Whether the user takes its unique feeder rows when it starts (setup and teardown take none). */
  default boolean claimsRows() {
    return true;
  }

  /** Whether each task starts an iteration; the open model counts its arrivals instead. */
  default boolean taskIsIteration() {
    return true;
  }

  /** Whether the user can sit between iterations with nothing to do: the end of the test stops it there. */
  default boolean idlesBetweenTasks() {
    return false;
  }

  final class Closed implements Pacing {
    @Override
    public void startDone(VirtualUser u, boolean failed) {
      if (failed) u.afterTask();
      else u.firstTaskSoon();
    }

    @Override
    public void taskDone(VirtualUser u) {
      u.waitThenNextTask();
    }
  }

  final class Open implements Pacing {
    @Override
    public void startDone(VirtualUser u, boolean failed) {
      if (failed) u.afterTask();
      else u.nextTask();
    }

    @Override
    public void taskDone(VirtualUser u) {
      u.idle();
    }

    @Override
    public boolean taskIsIteration() {
      return false;
    }

    @Override
    public boolean idlesBetweenTasks() {
      return true;
    }
  }

  final class Once implements Pacing {
    @Override
    public void startDone(VirtualUser u, boolean failed) {
      u.finish();
    }

    @Override
    public void taskDone(VirtualUser u) {
      u.finish();
    }

    @Override
    public boolean claimsRows() {
      return false;
    }
  }
}
